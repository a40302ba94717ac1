"""Images attached to proposals: checked, turned upright, resized and re-encoded without metadata.

Pure module (Pillow only). Whatever a person uploads, what is stored is a fresh JPEG with no
EXIF, GPS, XMP or ICC data, at most `MAX_SIDE` pixels on its longer side. Decoding is bounded:
files over `MAX_BYTES` and images over `MAX_PIXELS` (decompression bombs) are refused before the
pixels are read.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
ACCEPTED_CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp")
MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
QUALITY = 85


class ImageRejected(Exception):
    """The upload cannot be used; `code` is one of too_large, not_an_image, unsupported_type,
    too_many_pixels."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


@dataclass(frozen=True)
class PreparedImage:
    content: bytes
    width: int
    height: int
    content_type: str = "image/jpeg"
    extension: str = "jpg"


def _open(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (UnidentifiedImageError, OSError) as error:
            raise ImageRejected("not_an_image") from error
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageRejected("too_many_pixels") from error
    if image.format not in ACCEPTED_FORMATS:
        raise ImageRejected("unsupported_type")
    if image.width * image.height > MAX_PIXELS:
        raise ImageRejected("too_many_pixels")
    return image


def prepare(data: bytes) -> PreparedImage:
    """The image re-encoded for publication, or `ImageRejected`."""
    if len(data) > MAX_BYTES:
        raise ImageRejected("too_large")
    try:
        _open(data).verify()
        image = _open(data)
        image.load()
    except ImageRejected:
        raise
    except Exception as error:  # Pillow raises many kinds of errors on broken files
        raise ImageRejected("not_an_image") from error
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No exif=, icc_profile= or xmp= arguments: the new file carries no metadata at all.
    image.save(out, format="JPEG", quality=QUALITY, optimize=True)
    return PreparedImage(content=out.getvalue(), width=image.width, height=image.height)
