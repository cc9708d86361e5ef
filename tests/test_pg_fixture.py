"""The db_url fixture gives a working, empty database on each backend."""

from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, insert, select


def test_arabic_text_round_trips_through_database(db_url):
    headline = "مقتل ثلاثة مدنيين في قصف على ريف حلب الشمالي"
    metadata = MetaData()
    articles = Table(
        "articles",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("title", Text, nullable=False),
    )
    engine = create_engine(db_url)
    try:
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(insert(articles).values(id=1, title=headline))
        with engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.title)).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in rows] == [(1, headline)]
