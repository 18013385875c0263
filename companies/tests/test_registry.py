"""The starting registry that every freshly migrated database holds."""

import pytest

from companies.models import Company, ReviewState
from companies.selectors import company_resolve

SEED_COMPANIES = ["toyota", "nissan", "honda", "mitsubishi-motors", "subaru", "mazda", "suzuki",
                  "isuzu", "renault", "dongfeng", "byd", "tesla", "daihatsu", "hino"]


@pytest.mark.django_db
def test_a_fresh_database_holds_at_least_sixty_approved_companies():
    assert Company.objects.filter(review_state=ReviewState.APPROVED).count() >= 60


@pytest.mark.django_db
def test_it_holds_every_company_the_seeds_name():
    found = set(Company.objects.filter(slug__in=SEED_COMPANIES).values_list("slug", flat=True))
    assert found == set(SEED_COMPANIES)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Nissan", "Nissan Motor", "Nissan Motor Co., Ltd.", "NISSAN MOTOR"])
def test_every_alias_resolves_to_one_company(name):
    assert company_resolve(name).slug == "nissan"


@pytest.mark.django_db
def test_it_tells_companies_that_share_a_word_apart():
    assert company_resolve("Mitsubishi Motors").slug == "mitsubishi-motors"
    assert company_resolve("Mitsubishi Corporation") not in (None, company_resolve("Mitsubishi Motors"))
    assert company_resolve("Toyota Industries") not in (None, company_resolve("Toyota"))


@pytest.mark.django_db
@pytest.mark.parametrize("outlet", ["Nikkei", "Reuters", "Mainichi", "Bloomberg"])
def test_news_outlets_are_not_companies(outlet):
    assert company_resolve(outlet) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("alias", "slug"),
    [("Northvolt", "northvolt"), ("TSMC", "tsmc"), ("Zeekr", "zeekr"), ("Ashok Leyland", "ashok-leyland"),
     ("Saudi Aramco", "aramco"), ("Horse Powertrain", "horse-powertrain")],
)
def test_a_fresh_database_knows_the_widened_registry(alias, slug):
    company = company_resolve(alias)
    assert company is not None and company.slug == slug
    assert company.review_state == ReviewState.APPROVED


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["Horse", "Ampere", "Cruise", "Sharp"])
def test_common_words_are_not_company_names(word):
    assert company_resolve(word) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("alias", "slug", "name"),
    [("Robert Bosch GmbH", "bosch", "Bosch"), ("Qualcomm Incorporated", "qualcomm", "Qualcomm Inc."),
     ("Volvo Car AB", "volvo-cars", "Volvo Cars"), ("Perodua", "perodua", "Perodua"), ("Renault Samsung Motors", "renault-korea", None),
     ("Apple", "apple", None), ("Lucid", "lucid", None)],
)
def test_companies_go_by_the_names_readers_know_and_keep_their_legal_names(alias, slug, name):
    company = company_resolve(alias)
    assert company is not None and company.slug == slug
    if name is not None:
        assert company.name == name
