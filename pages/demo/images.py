"""Placeholder images for the demo: plain coloured cards that carry their own text, drawn with Pillow."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from .content import ImageSpec

SIZE = (1600, 900)
MARGIN = 120
CREDIT = "Demo image"


def render_card(text: str, colour: tuple[int, int, int]) -> bytes:
    """A PNG card: ``text`` centred on a plain background, with a 'DEMO IMAGE' label so nobody takes it for a photo."""
    card = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(card)
    width, height = SIZE
    # A darker band along the bottom, so the cards read as cards rather than empty rectangles.
    draw.rectangle([(0, height - 90), (width, height)], fill=tuple(channel // 2 for channel in colour))
    draw.text((MARGIN // 2, height - 68), "DEMO IMAGE", font=ImageFont.load_default(size=40), fill="white")

    font = ImageFont.load_default(size=64)
    lines = _wrap(draw, text, font, width - 2 * MARGIN)
    line_height = 84
    top = (height - 90 - line_height * len(lines)) // 2
    for number, line in enumerate(lines):
        left = (width - draw.textlength(line, font=font)) // 2
        draw.text((left, top + number * line_height), line, font=font, fill="white")

    output = BytesIO()
    card.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> list[str]:
    """Split ``text`` into lines no wider than ``max_width`` pixels."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def ensure_image(spec: ImageSpec):
    """The demo image titled ``spec.title``, created if missing. Returns ``(image, created)``."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=spec.title).order_by("pk").first()
    if existing is not None:
        return existing, False
    image = image_model(
        title=spec.title,
        description=spec.alt_text,
        caption=spec.caption,
        photo_credit=CREDIT,
        file=ImageFile(BytesIO(render_card(spec.card_text, spec.colour)), name=f"demo-{spec.key}.png"),
    )
    image._set_image_file_metadata()  # size and hash, as Wagtail's upload form records them
    image.save()
    return image, True
