"""/api/v1/figures/: key figures with their sources."""

import pytest
from rest_framework.test import APIClient

from companies.models import ReviewState

from .builders import article, cite, figure


@pytest.mark.django_db
def test_figures_filter_by_company_and_metric_and_carry_evidence(nissan, toyota):
    jobs = figure(nissan, "jobs_cut", 20000, unit="jobs", period="FY2025")
    figure(nissan, "sales_units", 3_300_000, period="FY2024")
    figure(toyota, "sales_units", 10_000_000, period="FY2024")
    figure(nissan, "revenue", 1, unit="JPY", review_state=ReviewState.PROPOSED)
    cite(jobs, article(title="Re:Nissan", body="Nissan will eliminate 20,000 jobs."), "eliminate 20,000 jobs")
    api = APIClient()

    results = api.get("/api/v1/figures/?company=nissan&metric=jobs_cut").json()["results"]

    assert [(f["metric"], f["value"], f["unit"]) for f in results] == [("jobs_cut", 20000.0, "jobs")]
    assert results[0]["evidence"][0]["quote"] == "eliminate 20,000 jobs"
    assert len(api.get("/api/v1/figures/?company=nissan").json()["results"]) == 2
