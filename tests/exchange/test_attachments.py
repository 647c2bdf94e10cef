"""Attachments: type told by content, size limits, private storage, safe downloads."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from community.exchange.actions import do_create_thread
from community.exchange.models import Attachment, Thread
from community.exchange.uploads import safe_filename
from tests.exchange.conftest import PDF

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
            "/></Types>",
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_with(people, *files):
    return do_create_thread(
        space=people.space, author=people.participant, title="Files", body="See", files=files
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("report.pdf", PDF, "application/pdf"),
        ("photo.PNG", PNG, "image/png"),
        ("notes.txt", "Grüße aus Leipzig\n".encode(), "text/plain"),
        ("table.csv", b"city,tonnes\nKumasi,120\n", "text/csv"),
    ],
)
def test_allowed_files_are_stored_privately_with_their_checked_type(
    people, settings, name, content, content_type
):
    thread = post_with(people, upload(name, content))
    attachment = Attachment.objects.get(post__thread=thread)
    assert attachment.content_type == content_type
    assert attachment.size == len(content)
    path = attachment.file.path
    assert path.startswith(str(settings.EXCHANGE_ATTACHMENT_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    # The stored name is random; the user's name is only kept, cleaned, for display.
    assert name.rsplit(".", 1)[0] not in path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "cannot be attached"),
        ("evil.pdf", b"<html><script>alert(1)</script></html>", "not the kind of file"),
        ("image.png", PDF, "not the kind of file"),
        ("notes.txt", PNG, "not the kind of file"),
        ("notes.txt", b"\x00\x01binary", "not the kind of file"),
        ("latin1.csv", "Grüße".encode("latin-1"), "not the kind of file"),
        ("tool.exe", b"MZ\x90\x00", "cannot be attached"),
        ("noextension", b"hello", "cannot be attached"),
        ("empty.txt", b"", "is empty"),
    ],
)
def test_refused_files_say_why_and_nothing_is_saved(people, name, content, message):
    with pytest.raises(ValidationError) as error:
        post_with(people, upload(name, content))
    assert message in " ".join(error.value.messages)
    assert not Thread.objects.exists() and not Attachment.objects.exists()


def test_office_documents_are_recognised_inside_their_zip(people):
    thread = post_with(people, upload("plan.docx", docx_bytes()))
    assert Attachment.objects.get(post__thread=thread).content_type.endswith(
        "wordprocessingml.document"
    )
    with pytest.raises(ValidationError):
        post_with(people, upload("plan.xlsx", docx_bytes()))


def test_size_and_count_limits(people, settings):
    settings.EXCHANGE_ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        post_with(people, upload("big.txt", b"x" * 101))
    assert "files may be at most 100" in error.value.messages[0]
    settings.EXCHANGE_ATTACHMENT_MAX_FILES = 2
    with pytest.raises(ValidationError) as error:
        post_with(people, *(upload(f"{n}.txt", b"x") for n in range(3)))
    assert "At most 2 files" in error.value.messages[0]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\ana\\report.pdf", "report.pdf"),
        ('"><img src=x onerror=alert(1)>.txt', "img_srcx_onerroralert1.txt"),
        ("Bericht Grünflächen.PDF", "Bericht_Grünflächen.pdf"),
        ("a\r\nContent-Type: text/html.txt", "html.txt"),
        ("a\r\nContent-Type: x.txt", "aContent-Type_x.txt"),
        ("..", "attachment"),
        (".txt", "attachment.txt"),
    ],
)
def test_safe_filename(given, expected):
    assert safe_filename(given) == expected


def test_download_headers_are_safe(client, people):
    thread = post_with(people, upload("Bericht Grünflächen.pdf", PDF))
    attachment = Attachment.objects.get(post__thread=thread)
    client.force_login(people.observer)
    response = client.get(reverse("exchange:attachment", args=[people.space.pk, attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''Bericht_Gr%C3%BCnfl%C3%A4chen.pdf" in disposition
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_a_refused_upload_in_the_form_keeps_the_text(client, people):
    client.force_login(people.participant)
    response = client.post(
        reverse("exchange:new_thread", args=[people.space.pk]),
        {
            "title": "Our plan",
            "body": "Long text I do not want to type again",
            "visibility": "members",
            "attachments": [upload("page.html", b"<html></html>")],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "cannot be attached" in html
    assert "Long text I do not want to type again</textarea>" in html
