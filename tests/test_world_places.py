"""The GeoNames towns we ship are those our training text reads as places."""
from bench.world_places import read_as_places
from bot.question import cities_and_regions


def _docs(*texts: str) -> list[list[str]]:
    from bench.world_places import _TOKEN

    return [_TOKEN.findall(t) for t in texts]


def test_a_town_is_kept_unless_the_text_reads_it_as_a_word_or_part_of_a_name() -> None:
    docs = _docs("Banjir melanda di Garut dan Kota Garut, kata Michael Jackson.",
                 "Penyanyi Michael Jackson tiba di Jackson kemarin; Jackson Martinez mencetak gol.",
                 "batu itu dilempar ke batu lain, di Batu.",
                 "Candi Prambanan dibangun pada abad ke-9, candi itu besar, candi terbesar.")
    kept = read_as_places({"Garut", "Jackson", "Batu", "Beaverton", "Candi Prambanan"}, docs)
    assert kept == ["Beaverton", "Garut"]  # unseen is kept; "Jackson" is mostly a name, "batu" a word


def test_the_shipped_towns_are_known_places() -> None:
    assert ("california",) in cities_and_regions() and ("oregon",) in cities_and_regions()
    assert ("jackson",) not in cities_and_regions() and ("batu",) not in cities_and_regions()
