"""Pillow's decompression-bomb limit, kept equal to the upload limit editors see.

Wagtail's image form already refuses files that are too large, of a type not in WAGTAILIMAGES_EXTENSIONS,
not images at all, or with more pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS (wagtail/images/fields.py).
Pillow has its own global limit (``Image.MAX_IMAGE_PIXELS``, about 89 megapixels, and an error at twice
that) which guards every other place an image is opened: renditions, focal-point detection, imports.
Setting it to our limit means a bomb that reaches storage some other way still cannot be decoded.
"""

from django.conf import settings
from PIL import Image as PILImage


def apply_pillow_pixel_limit():
    """Make Pillow refuse (warn, then raise past twice the limit) images larger than our upload limit."""
    PILImage.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
