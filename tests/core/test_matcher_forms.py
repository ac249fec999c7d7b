"""Ways of writing one company's or person's name that the matcher folds together:
legal forms in other languages, numbers as words, run-together words, Abd al- names."""

from __future__ import annotations

import pytest

from newsreader.analysis.legalforms import SHORT, spell_short
from newsreader.analysis.matcher import SAME, compare, name_form
from newsreader.analysis.numberwords import as_digits

ORG = "organization"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Siemens Aktiengesellschaft", "Siemens AG"),
        ("Nordwind Logistik GmbH", "Nordwind Logistik Gesellschaft mit beschränkter Haftung"),
        ("Tessera S.p.A.", "Tessera Società per Azioni"),
        ("Obshchestvo s ogranichennoy otvetstvennostyu Vostok", "OOO Vostok"),
        ("Общество с ограниченной ответственностью Восток", "Vostok LLC"),
        ("Polimex Sp. z o.o.", "Polimex spółka z ograniczoną odpowiedzialnością"),
        ("Fjordkraft AS", "Fjordkraft Aksjeselskap"),
        ("Danubia Kft.", "Danubia Korlátolt Felelősségű Társaság"),
        ("Maersk Line A/S", "Maersk Line"),
        ("Desert Rose FZE", "Desert Rose Free Zone Establishment"),
        ("Ibertex S.A.", "Ibertex, Sociedad Anónima"),
        (
            "Roskosmos State Corporation",
            "Roskosmos",
        ),  # Russia's goskorporatsiya  # after a comma: no "Surname, Given"
    ],
)
def test_a_legal_form_spelt_out_or_abbreviated_is_one_company(a: str, b: str) -> None:
    c = compare(a, b, kind=ORG)
    assert c.verdict == SAME, c
    assert name_form(a).legal


def test_legal_forms_come_from_the_data_file() -> None:
    assert {"ag", "gmbh", "ooo", "spzoo", "kft", "ltda"} <= SHORT
    assert spell_short("acme societe a responsabilite limitee").split() == ["acme", "sarl"]
    assert spell_short("acme limited").split() == ["acme", "limited"]  # one-word forms stay


def test_a_given_name_that_is_also_a_legal_form_stays_a_name() -> None:
    assert name_form("Asa Hutchinson").tokens == ("asa", "hutchinson")
    assert name_form("Fjordkraft ASA").tokens == ("fjordkraft",)


def test_another_word_beside_the_legal_form_is_another_company() -> None:
    assert compare("Siemens AG", "Siemens Energy AG", kind=ORG).verdict != SAME
    assert compare("Vostok OOO", "Vostok Neft OOO", kind=ORG).verdict != SAME


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("brigade forty-four", "brigade 44"),
        ("battalion one hundred and one", "battalion 101"),
        ("twenty-first century", "21 century"),
        ("21st century", "21 century"),
        ("two thousand and twenty", "2020"),
        ("one and two", "1 and 2"),
    ],
)
def test_number_words_become_digits(words: str, digits: str) -> None:
    assert as_digits(words) == digits


def test_numbers_written_as_words_or_digits_are_one_name() -> None:
    assert compare("Brigade Forty-Four", "Brigade 44", kind=ORG).verdict == SAME
    assert compare("Twenty-First Century Fox", "21st Century Fox", kind=ORG).verdict == SAME
    assert compare("Brigade Forty-Four", "Brigade 45", kind=ORG).verdict != SAME
    assert compare("Channel 4", "Channel Five", kind=ORG).verdict != SAME


def test_a_legal_form_run_into_the_name_is_set_apart() -> None:
    assert compare("AcmeAG", "Acme AG", kind=ORG).verdict == SAME
    assert name_form("NordwindGmbH").tokens == ("nordwind",)
    # a capital inside a name is not a legal form unless it spells one
    assert name_form("PetroChina").tokens == ("petrochina",)
    assert name_form("McDonald").tokens == ("mcdonald",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abdul Rahman Yasin", "Abdelrahman Yasin"),
        ("Abd al-Aziz al-Muqrin", "Abdulaziz al-Muqrin"),
        ("Abdul Basit Usman", "Abdulbasit Usman"),
    ],
)
def test_abd_names_written_apart_or_together_are_one_name(a: str, b: str) -> None:
    assert compare(a, b).verdict == SAME, compare(a, b)


def test_abd_names_keep_what_follows_abd() -> None:
    assert compare("Abdul Rahman Yasin", "Abdul Rashid Yasin").verdict != SAME
    assert name_form("Abdullah Azzam").tokens == ("abdullah", "azzam")  # not abd + ullah


def test_an_arabic_article_written_into_the_name_is_set_apart() -> None:
    assert compare("Albayati Hasan", "Hasan al-Bayati").verdict == SAME
    assert compare("Alberto Fernandez", "Berto el-Fernandez").verdict != SAME  # Alberto is a name


def test_particles_written_into_a_word_are_the_same_name() -> None:
    assert compare("vanderbilt corp", "van der bilt corp", kind=ORG).verdict == SAME
    assert compare("Mokhtar Belmokhtar", "Mokhtar Bel Mokhtar").verdict == SAME


def test_a_family_name_first_with_a_patronymic_is_no_move() -> None:
    c = compare("Ramzan Akhmadovich Kadyrov", "Kadyrov Ramzan Akhmatovich")
    assert c.verdict == SAME and not c.held_against, c
    assert compare("Sechin Igor Ivanovich", "Igor Sechin").verdict == SAME


def test_a_title_and_the_surname_name_a_person_with_middle_names() -> None:
    assert compare("President Zelensky", "Volodymyr Oleksandrovych Zelenskyy").verdict == SAME
    assert compare("General Gerasimov", "Valery Vasilyevich Gerasimov").verdict == SAME
    # without a title a surname alone names no one with more names
    assert compare("Gerasimov", "Valery Vasilyevich Gerasimov").verdict != SAME


def test_company_words_in_other_languages_count_as_the_legal_form() -> None:
    assert compare("Neftyanaya Kompaniya Yukos", "Neftyanaya Yukos", kind=ORG).verdict == SAME
    assert compare("Kalashnikov Concern JSC", "Kalashnikov", kind=ORG).verdict == SAME


def test_a_changed_first_letter_and_more_is_no_typo() -> None:
    assert compare("Yusuf al-Sanani", "Yusuf al-Madani").verdict != SAME
    assert compare("Yusuf al-Madani", "Yusuf al-Medani").verdict == SAME


def test_x_inside_a_name_is_ks() -> None:
    assert compare("Alexei Navalny", "Aleksey Navalny").verdict == SAME
    assert compare("Maxim Gorky", "Maksim Gorky").verdict == SAME
    assert compare("Alexei Navalny", "Alexander Navalny").verdict != SAME  # two names still
    assert compare("Xi Jinping", "Ksi Jinping").verdict != SAME  # at the start, Chinese x


def test_a_legal_form_written_with_dots_among_initials_does_not_break_the_name() -> None:
    # an initial L and L.L.C. in one name: the form is found by its letters, however written
    c = compare("Jean L. Dupont L.L.C.", "Jean L Dupont LLC", kind=ORG)
    assert c.verdict == SAME
    assert name_form("A. L. Kovacs").tokens == ("a", "l", "kovacs")


def test_two_letters_changed_in_a_name_written_without_vowels_are_another_name() -> None:
    # Persian script writes few letters: two of them changed is another surname
    assert compare("رضا پزشکفر", "رضا پزشکیان").verdict != SAME
    assert compare("مسعود پزشکیان", "Masoud Pezeshkian").verdict == SAME


def test_a_body_keeps_the_words_that_are_titles_in_a_persons_name() -> None:
    assert compare("General Motors", "Genral Motors", kind=ORG).verdict == SAME
    assert compare("General Motors", "Motors", kind=ORG).verdict != SAME
    assert compare("ICJ", "International Court of Justice", kind=ORG).verdict == SAME
    assert compare("President Putin", "Vladimir Putin").verdict == SAME  # a person's title is set apart


def test_a_typo_of_an_everyday_word_in_a_bodys_name_is_a_typo() -> None:
    assert compare("Financial Times", "Financial Timee", kind=ORG).verdict == SAME
    assert compare("Arab League", "Arab Leagve", kind=ORG).verdict == SAME
    # another word, or more than a letter away, is another body
    assert compare("Power Corp", "Tower Corp", kind=ORG).verdict != SAME
    assert compare("Deutsche Bank", "Deutsche Bahn", kind=ORG).verdict != SAME


def test_a_possessive_is_not_part_of_the_name() -> None:
    assert name_form("Japan's Foreign Ministry").tokens == ("japan", "foreign", "ministry")
    assert compare("Foreign Ministry", "Japan's Foreign Ministry", kind=ORG).verdict != SAME
    assert compare("Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham", kind=ORG).verdict == SAME


def test_singular_and_plural_are_one_word_of_a_bodys_name() -> None:
    c = compare("Sunrise Technologies GmbH", "Sunrise Technology GmbH", kind=ORG)
    assert c.verdict == SAME and "singular and plural" in c.why
    assert compare("Acme Holdings Ltd", "Acme Holding Limited", kind=ORG).verdict == SAME


def test_one_name_spelt_two_ways_is_no_other_name() -> None:
    # Noor and Nour are both given names, and one name: the same consonants
    c = compare("Al Noor General Trading LLC", "Al-Nour General Trading L.L.C.", kind=ORG)
    assert c.verdict == SAME and not c.held_against
    assert compare("Thomas Cates", "Thomas Gates").held_against  # other consonants: two names


def test_the_matchers_caches_stay_bounded_on_an_article_of_many_names() -> None:
    """A 20 MB article names hundreds of thousands of people: the per-name caches drop the
    oldest names rather than keep every one (262,144 entries were ~800 MB)."""
    from newsreader.analysis.namesounds import sound
    from newsreader.analysis.partsimilarity import token_similarity

    for cached in (name_form, sound, token_similarity):
        assert cached.cache_info().maxsize is not None
    bound = name_form.cache_info().maxsize
    assert bound is not None and bound <= 65_536
    for i in range(bound + 100):
        name_form(f"Name{i} Person{i}")
    assert name_form.cache_info().currsize == bound


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Prime Minister Modi", "Narendra Modi"),  # a title of two words
        ("Foreign Minister Lavrov", "Sergey Lavrov"),
        ("Lt. Gen. Michael Flynn", "Michael Flynn"),
        ("Boris Johnson MP", "Boris Johnson"),  # letters written after the name
        ("Orbán Viktor miniszterelnök", "Viktor Orbán"),  # Hungarian writes the office after it
    ],
)
def test_titles_before_the_name_and_honours_after_it_are_set_apart(a: str, b: str) -> None:
    assert compare(a, b).verdict == SAME, compare(a, b)


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Stephen King", ("stephen", "king")),  # a title word after a name is a name
        ("Billie Jean King", ("billie", "jean", "king")),
        ("John Major", ("john", "major")),  # a title's first word only in front of a title
        ("Yves Saint Laurent", ("yves", "saint", "laurent")),
        ("King Charles", ("charles",)),
    ],
)
def test_a_title_is_a_title_only_where_titles_are_written(name: str, tokens: tuple[str, ...]) -> None:
    assert name_form(name).tokens == tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kalashnikov Concern", "Kalashnikov Konzern"),  # how a group is held, in two languages
        ("Grupo Villar", "Villar Group"),
        ("Mahan Air", "Mahan Airlines"),  # an airline by Air, Airlines or Airways alike
        ("NIOC", "National Iranian Oil Company"),  # the legal form's initial too
        ("IRISL", "Islamic Republic of Iran Shipping Lines"),  # and its particles' left out
    ],
)
def test_one_body_in_its_words_translated_or_its_initials(a: str, b: str) -> None:
    assert compare(a, b, kind=ORG).verdict == SAME, compare(a, b, kind=ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KTE Holdings", "Kestrel Tidal Energy Holdings"),  # capitals among other words
        ("Compañía Minera de Oruro, S.A.", "CMOSA"),  # accents, a particle and the legal form
        ("Council for Trade and Co-operation in Asia", "CTCA"),  # a hyphened word is one
        ("NW Power Board", "Northern Wessex Power Board"),  # an acronym for some of the words
    ],
)
def test_an_acronym_in_capitals_names_the_words_it_stands_for(a: str, b: str) -> None:
    assert compare(a, b, kind=ORG).verdict == SAME, compare(a, b, kind=ORG)


def test_a_word_of_an_acronyms_letters_not_in_capitals_is_a_word() -> None:
    c = compare("Nw Power Board", "Northern Wessex Power Board", kind=ORG)
    assert c.verdict != SAME and "NW for" not in c.why
    assert "NW for northern wessex" in compare("NW Power Board", "Northern Wessex Power Board", kind=ORG).why


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Field Marshal Haftar", "Khalifa Haftar"),
        ("Mullah Omar", "Mohammed Omar"),
        ("Rabbi Sacks", "Jonathan Sacks"),
    ],
)
def test_military_and_religious_titles_are_set_apart(a: str, b: str) -> None:
    assert compare(a, b).verdict == SAME, compare(a, b)


def test_don_is_a_given_name_not_a_title() -> None:
    assert name_form("Don Johnson").tokens == ("don", "johnson")


def test_two_slips_in_a_long_name_are_a_typo_and_in_a_short_one_another_name() -> None:
    long_name = compare("Dmitri Kozhemyakinov", "Dmitri Kozemyakinow")  # a letter dropped, one changed
    assert long_name.verdict == SAME and "more than a typo" not in long_name.why
    short_name = compare("Dmitri Kozhev", "Dmitri Kozevw")  # as many slips in six letters
    assert short_name.verdict != SAME and "more than a typo" in short_name.why
