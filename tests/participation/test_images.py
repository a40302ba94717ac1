"""Uploaded images are re-encoded: upright, resized, without any metadata (pure, Pillow only)."""

import io

import pytest
from PIL import Image

from rathaus.participation import images


def photo(size=(4000, 3000), *, fmt="JPEG", mode="RGB", orientation=None, gps=False) -> bytes:
    image = Image.new(mode, size, (200, 30, 30) if mode == "RGB" else (200, 30, 30, 128))
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"  # Make
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {2: (49.0, 26.0, 40.0), 4: (7.0, 46.0, 8.0)}
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes() if fmt in ("JPEG", "PNG", "WEBP") else None)
    return out.getvalue()


def reopen(prepared: images.PreparedImage) -> Image.Image:
    return Image.open(io.BytesIO(prepared.content))


def test_a_large_photo_is_scaled_to_the_maximum_side():
    prepared = images.prepare(photo())

    assert (prepared.width, prepared.height) == (1600, 1200)
    assert reopen(prepared).format == "JPEG"


def test_location_and_camera_data_are_removed():
    prepared = images.prepare(photo(gps=True))

    stored = reopen(prepared)
    assert dict(stored.getexif()) == {}
    assert "icc_profile" not in stored.info
    assert b"Phone maker" not in prepared.content


def test_a_photo_taken_sideways_is_turned_upright():
    prepared = images.prepare(photo((300, 200), orientation=6))

    assert (prepared.width, prepared.height) == (200, 300)


def test_a_transparent_png_gets_a_white_background():
    prepared = images.prepare(photo((50, 50), fmt="PNG", mode="RGBA"))

    assert reopen(prepared).mode == "RGB"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"%PDF-1.7 not an image", "not_an_image"),
        (b"\x89PNG\r\n\x1a\n broken", "not_an_image"),
        (b"x" * (images.MAX_BYTES + 1), "too_large"),
    ],
)
def test_unusable_uploads_are_refused_with_a_reason(data, code):
    with pytest.raises(images.ImageRejected) as refused:
        images.prepare(data)

    assert refused.value.code == code


def test_other_image_formats_are_refused():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="BMP")

    with pytest.raises(images.ImageRejected) as refused:
        images.prepare(out.getvalue())

    assert refused.value.code == "unsupported_type"


def test_decompression_bombs_are_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 10_000)

    with pytest.raises(images.ImageRejected) as refused:
        images.prepare(photo((200, 200)))

    assert refused.value.code == "too_many_pixels"
