"""Two saves from forms rendered from the same revision (issue 13 #4, lost update): different
sections both stay; the same section refuses the later save with what changed, writing nothing.
Through the REST API the same with If-Match / ETag (412 when stale)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from jixiao.web.evaluations.models import Action, AuditEntry
from jixiao.web.orgs.models import ApiToken
from tests.web.factories import fill

pytestmark = pytest.mark.django_db


def _rendered(client, pk: int, key: str) -> str:
    """The revision a section form carries (its hidden base_version)."""
    page = client.get(reverse("submission_section", args=[pk, key])).content.decode()
    found = re.search(r'name="base_version" value="(\d+)"', page)
    return found.group(1) if found else ""


def _profile(note: str, base: str) -> dict[str, str]:
    return {"head-name": "测试县第一中学", "head-organisation_note": note, "base_version": base}


def _narratives(text: str, base: str) -> dict[str, str]:
    return {"head-overall_goal": text, "base_version": base}


def test_saves_of_different_sections_from_one_revision_both_stay(client, world):
    pk = fill(world, "a").pk
    client.force_login(world.users["filler_a"])
    profile_base, narratives_base = (
        _rendered(client, pk, "profile"),
        _rendered(client, pk, "narratives"),
    )
    assert profile_base == narratives_base
    first = client.post(
        reverse("submission_section", args=[pk, "profile"]), _profile("甲的说明", profile_base)
    )
    second = client.post(
        reverse("submission_section", args=[pk, "narratives"]),
        _narratives("乙的目标", narratives_base),
    )
    assert first.status_code == second.status_code == 302
    data = world.sub("a").current_version.data
    assert data["profile"]["organisation_note"] == "甲的说明"  # not reverted by the second save
    assert data["narratives"]["overall_goal"] == ["乙的目标"]


def test_a_save_landing_while_another_request_is_under_way_is_not_reverted(
    client, world, monkeypatch
):
    """The race itself, made deterministic: the clerk's save of 七、文字说明 is on its way (form
    posted, data read) when another save of 一、单位概况 lands, just before it takes the lock.
    The dossier it writes must be built from the data under the lock, keeping the other save."""
    from jixiao.web.evaluations import services

    pk = fill(world, "a").pk
    client.force_login(world.users["filler_a"])
    base = _rendered(client, pk, "narratives")
    locked = services._locked
    landed: list[bool] = []

    def other_save_lands_first(submission):
        if not landed:
            landed.append(True)
            current = world.sub("a").current_version.data
            profile = {**current["profile"], "organisation_note": "同时保存的说明"}
            services.submission_save_dossier(
                actor=world.users["head_a"],
                submission=submission,
                data={**current, "profile": profile},
            )
        return locked(submission)

    monkeypatch.setattr(services, "_locked", other_save_lands_first)
    response = client.post(
        reverse("submission_section", args=[pk, "narratives"]), _narratives("乙的目标", base)
    )
    assert landed and response.status_code == 302
    data = world.sub("a").current_version.data
    assert data["profile"]["organisation_note"] == "同时保存的说明"  # lost before the fix
    assert data["narratives"]["overall_goal"] == ["乙的目标"]


def test_a_stale_save_of_the_same_section_is_refused_with_what_changed(client, world):
    pk = fill(world, "a").pk
    client.force_login(world.users["filler_a"])
    base = _rendered(client, pk, "profile")
    client.post(reverse("submission_section", args=[pk, "profile"]), _profile("甲的说明", base))
    edits = AuditEntry.objects.filter(submission_id=pk, action=Action.EDIT).count()
    response = client.post(
        reverse("submission_section", args=[pk, "profile"]), _profile("乙的说明", base)
    )
    assert response.status_code == 200  # the form again, not a redirect to "已保存"
    page = response.content.decode()
    assert "其他人保存了同一部分的修改" in page
    assert "filler_a 于" in page and "组织架构说明" in page and "甲的说明" in page
    assert 'value="乙的说明"' in page  # the clerk's own input is still in the form
    assert world.sub("a").current_version.data["profile"]["organisation_note"] == "甲的说明"
    assert AuditEntry.objects.filter(submission_id=pk, action=Action.EDIT).count() == edits
    # the form shown again stands on the latest save: saving it now is deliberate and kept
    again = re.search(r'name="base_version" value="(\d+)"', page).group(1)
    assert again != base
    client.post(reverse("submission_section", args=[pk, "profile"]), _profile("乙的说明", again))
    assert world.sub("a").current_version.data["profile"]["organisation_note"] == "乙的说明"


def test_the_conflict_reads_in_english(client, world):
    pk = fill(world, "a").pk
    client.force_login(world.users["filler_a"])
    base = _rendered(client, pk, "profile")
    client.post(reverse("submission_section", args=[pk, "profile"]), _profile("甲的说明", base))
    response = client.post(
        reverse("submission_section", args=[pk, "profile"]),
        _profile("乙的说明", base),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    page = response.content.decode()
    assert "Someone else saved changes to this section" in page
    assert "Organisation note" in page or "organisation" in page.lower()


def test_a_waiver_is_kept_when_a_section_saved_at_the_same_time(client, world):
    """Waivers are merged onto the dossier as it is under the lock, not as read before it."""
    from jixiao.web.evaluations import services

    submission = fill(world, "a")
    stale = world.sub("a")  # read before the other save, as a view would have it
    client.force_login(world.users["filler_a"])
    base = _rendered(client, submission.pk, "profile")
    client.post(
        reverse("submission_section", args=[submission.pk, "profile"]), _profile("甲的说明", base)
    )
    services.submission_waive(
        actor=world.users["filler_a"], submission=stale, finding_id="money.W001", reason="情况属实"
    )
    data = world.sub("a").current_version.data
    assert data["profile"]["organisation_note"] == "甲的说明"
    assert [w["id"] for w in data["waivers"]] == ["money.W001"]


# ── the REST API: ETag and If-Match ──────────────────────────────────────────────────────


def _api(client, world, user: str = "filler_a"):
    _, raw = ApiToken.issue(world.users[user])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def get(pk: int):
        return client.get(f"/api/submissions/{pk}/dossier", **auth)

    def put(pk: int, data: dict, **headers: str):
        return client.put(
            f"/api/submissions/{pk}/dossier",
            data=data,
            content_type="application/json",
            **auth,
            **headers,
        )

    return get, put


def test_api_put_with_a_stale_if_match_is_412_and_writes_nothing(client, world):
    pk = fill(world, "a").pk
    get, put = _api(client, world)
    read = get(pk)
    etag = read["ETag"]
    assert re.fullmatch(r'"\d+"', etag)
    mine, theirs = read.json()["data"], read.json()["data"]
    theirs = {**theirs, "profile": {**theirs["profile"], "organisation_note": "甲的说明"}}
    first = put(pk, theirs, HTTP_IF_MATCH=etag)
    assert first.status_code == 200
    assert get(pk)["ETag"] != etag  # the revision moved on
    mine = {**mine, "narratives": {"overall_goal": ["乙的目标"]}}
    stale = put(pk, mine, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    body = stale.json()
    assert body["code"] == "stale_revision" and body["etag"] == get(pk)["ETag"]
    change = next(c for c in body["changes"] if c["path"] == "profile.organisation_note")
    assert change["new"] == "甲的说明" and change["by"] == "filler_a"
    assert change["where_label"]
    data = world.sub("a").current_version.data
    assert data["profile"]["organisation_note"] == "甲的说明"
    assert "overall_goal" not in data.get("narratives", {})


def test_api_put_with_the_current_etag_or_without_if_match_saves(client, world):
    pk = fill(world, "a").pk
    get, put = _api(client, world)
    read = get(pk)
    data = {**read.json()["data"], "narratives": {"overall_goal": ["目标一"]}}
    assert put(pk, data, HTTP_IF_MATCH=read["ETag"]).status_code == 200
    data = {**data, "narratives": {"overall_goal": ["目标二"]}}
    assert put(pk, data).status_code == 200  # no If-Match: replaced unconditionally, as before
    assert put(pk, data, HTTP_IF_MATCH="*").status_code == 200
    assert put(pk, data, HTTP_IF_MATCH='"not-ours"').status_code == 412
    assert world.sub("a").current_version.data["narratives"]["overall_goal"] == ["目标二"]


def test_an_import_confirmed_after_someone_saved_is_shown_again_not_written(client, world):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    seed = Path(__file__).resolve().parents[2] / "examples" / "wanzai-2021" / "dossier.yaml"
    pk = fill(world, "a").pk
    client.force_login(world.users["filler_a"])
    upload = SimpleUploadedFile(seed.name, seed.read_bytes())
    page = client.post(reverse("submission_import", args=[pk]), {"file": upload}).content.decode()
    token = re.search(r'name="confirm" value="([^"]+)"', page).group(1)
    base = re.search(r'name="base_version" value="(\d+)"', page).group(1)
    narratives = _rendered(client, pk, "narratives")
    client.post(
        reverse("submission_section", args=[pk, "narratives"]),
        _narratives("另一人的目标", narratives),
    )
    before = world.sub("a").current_version.data
    confirm = {"confirm": token, "mode": "replace", "keep_identity": "1", "base_version": base}
    response = client.post(reverse("submission_import", args=[pk]), confirm)
    assert response.status_code == 200
    page = response.content.decode()
    assert "档案在您读取之后已被其他人修改" in page and "另一人的目标" in page
    assert "导入预览" in page and "请重新核对后再确认导入" in page
    assert world.sub("a").current_version.data == before
    again = re.search(r'name="base_version" value="(\d+)"', page).group(1)
    response = client.post(
        reverse("submission_import", args=[pk]), {**confirm, "base_version": again}
    )
    assert response.status_code == 302  # confirmed against the latest data: written
    assert world.sub("a").current_version.data != before
