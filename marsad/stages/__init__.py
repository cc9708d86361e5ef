"""The stages of event extraction, each a function over one article's :class:`Analysis`.

``marsad.pipeline`` lists them in order; every stage reads layers that earlier stages
filled and fills its own, so a test can run the pipeline on a string up to any stage
(``marsad.pipeline.analyse(text, upto="frames")``) and look at that layer.
"""
