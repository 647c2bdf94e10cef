"""Draws the demo's lead images: one simple flat illustration per theme, in the site's colours.

The pictures in `data/images/` were made by this script and are part of the project (see
`data/images/LICENSE.md`); run it again after changing a scene:

    python demo/draw_images.py

Each scene is drawn at twice its size and scaled down, for smooth edges, then saved as
a palette PNG (a few dozen colours: small files, no JPEG smudges on flat shapes).
"""

import math
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent / "data" / "images"
WIDTH, HEIGHT, SCALE = 1200, 675, 2

# The site's palette (site.css) and a few natural tones.
INK = "#1d2329"
BRAND = "#0b5c7a"
BRAND_DARK = "#073f54"
BRAND_SOFT = "#e3f0f7"
ACCENT = "#1b7f4b"
ACCENT_DARK = "#176b40"
SKY = "#cfe6f2"
SUN = "#f2b63d"
LEAF = "#4c9a5f"
LEAF_LIGHT = "#8cc084"
GRASS = "#b9d98f"
EARTH = "#c9a47a"
STONE = "#d9dde0"
ROAD = "#5b646b"
WHITE = "#ffffff"
RED = "#c8553d"
WATER = "#5aa9cf"
SKIN = ("#8d5524", "#c68642", "#e0ac69", "#f1c27d")
CLOTHES = (BRAND, ACCENT, RED, SUN, "#7b5ea7", BRAND_DARK)

Scene = Callable[[ImageDraw.ImageDraw], None]


def s(*values: float) -> list[float]:
    """Coordinates of the 1200 x 675 picture, on the doubled canvas."""
    return [value * SCALE for value in values]


def backdrop(draw: ImageDraw.ImageDraw, horizon: int, ground: str = GRASS) -> None:
    draw.rectangle(s(0, 0, WIDTH, horizon), fill=SKY)
    draw.rectangle(s(0, horizon, WIDTH, HEIGHT), fill=ground)


def sun(draw: ImageDraw.ImageDraw, x: int, y: int, r: int) -> None:
    for ray in range(12):
        angle = ray * math.pi / 6
        draw.line(
            s(
                x + math.cos(angle) * (r + 12),
                y + math.sin(angle) * (r + 12),
                x + math.cos(angle) * (r + 34),
                y + math.sin(angle) * (r + 34),
            ),
            fill=SUN,
            width=8 * SCALE,
        )
    draw.ellipse(s(x - r, y - r, x + r, y + r), fill=SUN)


def cloud(draw: ImageDraw.ImageDraw, x: int, y: int, size: int = 60, fill: str = WHITE) -> None:
    for dx, dy, r in ((0, 0, 1.0), (size * 0.9, -size * 0.35, 1.2), (size * 1.9, 0, 0.9)):
        radius = size * r * 0.6
        draw.ellipse(
            s(x + dx - radius, y + dy - radius, x + dx + radius, y + dy + radius), fill=fill
        )
    draw.rectangle(s(x, y - size * 0.2, x + size * 1.9, y + size * 0.54), fill=fill)


def tree(draw: ImageDraw.ImageDraw, x: int, ground: int, size: int = 70, leaf: str = LEAF) -> None:
    draw.rectangle(s(x - size * 0.1, ground - size * 1.2, x + size * 0.1, ground), fill="#7a5233")
    draw.ellipse(
        s(x - size * 0.7, ground - size * 2.3, x + size * 0.7, ground - size * 0.9), fill=leaf
    )


def person(draw: ImageDraw.ImageDraw, x: int, ground: int, number: int, height: int = 110) -> None:
    """A simple standing figure; `number` varies skin and clothes."""
    head = height * 0.16
    body_top = ground - height * 0.72
    draw.rounded_rectangle(
        s(x - height * 0.17, body_top, x + height * 0.17, ground - height * 0.3),
        radius=height * 0.08 * SCALE,
        fill=CLOTHES[number % len(CLOTHES)],
    )
    draw.rectangle(
        s(x - height * 0.13, ground - height * 0.32, x - height * 0.02, ground), fill=INK
    )
    draw.rectangle(
        s(x + height * 0.02, ground - height * 0.32, x + height * 0.13, ground), fill=INK
    )
    draw.ellipse(
        s(x - head, body_top - head * 2.1, x + head, body_top - head * 0.1),
        fill=SKIN[number % len(SKIN)],
    )


def building(draw, x, ground, width, height, fill=STONE, roof=None, windows=WHITE) -> None:
    draw.rectangle(s(x, ground - height, x + width, ground), fill=fill)
    if roof:
        draw.rectangle(s(x - 6, ground - height - 14, x + width + 6, ground - height), fill=roof)
    columns = max(1, int(width // 60))
    rows = max(1, int(height // 70))
    for column in range(columns):
        for row in range(rows):
            wx = x + 18 + column * (width - 36) / columns
            wy = ground - height + 20 + row * (height - 40) / rows
            draw.rectangle(s(wx, wy, wx + 24, wy + 30), fill=windows)


# --- The scenes --------------------------------------------------------------------------


def public_space(draw: ImageDraw.ImageDraw) -> None:
    backdrop(draw, 330)
    cloud(draw, 140, 110)
    cloud(draw, 820, 80, 50)
    for x, h in ((60, 210), (230, 260), (890, 230), (1030, 280)):
        building(draw, x, 330, 150, h, fill=BRAND_SOFT, windows=WHITE)
    draw.polygon(s(0, 675, 420, 360, 780, 360, 1200, 675), fill=STONE)
    draw.ellipse(s(470, 430, 730, 540), fill=WATER)
    draw.ellipse(s(520, 452, 680, 518), fill="#8ccbe6")
    for x in (120, 300, 900, 1080):
        tree(draw, x, 560, 90, leaf=LEAF if x % 200 else ACCENT)
    draw.rectangle(s(330, 560, 450, 574), fill="#7a5233")
    draw.rectangle(s(750, 560, 870, 574), fill="#7a5233")
    for number, x in enumerate((360, 420, 790, 610)):
        person(draw, x, 600 if x != 610 else 640, number, 100)


def waste(draw: ImageDraw.ImageDraw) -> None:
    backdrop(draw, 420, ground=STONE)
    sun(draw, 1050, 120, 50)
    cloud(draw, 180, 120)
    building(draw, 40, 420, 260, 200, fill=BRAND_SOFT)
    for x, colour in ((380, ACCENT), (520, BRAND), (660, SUN), (800, "#7a5233")):
        draw.rounded_rectangle(s(x, 380, x + 110, 560), radius=12 * SCALE, fill=colour)
        draw.rectangle(s(x - 8, 366, x + 118, 392), fill=INK)
        # The recycling triangle, simplified.
        cx, cy = x + 55, 470
        draw.polygon(
            s(cx, cy - 34, cx + 32, cy + 24, cx - 32, cy + 24), outline=WHITE, width=7 * SCALE
        )
    draw.rectangle(s(930, 420, 1170, 560), fill=ACCENT_DARK)
    draw.rectangle(s(1100, 450, 1180, 560), fill=WHITE)
    for wheel in (980, 1120):
        draw.ellipse(s(wheel - 32, 530, wheel + 32, 594), fill=INK)
    person(draw, 300, 600, 2, 120)


def digital(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle(s(0, 0, WIDTH, HEIGHT), fill=BRAND_SOFT)
    # The town hall: steps, columns, pediment.
    draw.polygon(s(80, 260, 400, 140, 720, 260), fill=STONE)
    draw.rectangle(s(100, 260, 700, 560), fill=WHITE)
    for column in range(6):
        x = 130 + column * 105
        draw.rectangle(s(x, 290, x + 34, 540), fill=STONE)
    draw.rectangle(s(60, 560, 740, 600), fill=STONE)
    draw.rectangle(s(0, 600, WIDTH, HEIGHT), fill="#b7c4cc")
    # A phone with a filled-in form.
    draw.rounded_rectangle(s(820, 120, 1080, 600), radius=34 * SCALE, fill=INK)
    draw.rounded_rectangle(s(842, 160, 1058, 560), radius=10 * SCALE, fill=WHITE)
    for row in range(5):
        y = 190 + row * 62
        draw.rectangle(s(864, y, 1036, y + 14), fill=BRAND_SOFT)
        draw.rectangle(s(864, y + 22, 1000 - row * 18, y + 36), fill=BRAND)
    draw.rounded_rectangle(s(900, 500, 1000, 540), radius=10 * SCALE, fill=ACCENT)
    draw.line(s(928, 520, 944, 532, 972, 506), fill=WHITE, width=6 * SCALE)


def start_ups(draw: ImageDraw.ImageDraw) -> None:
    backdrop(draw, 400)
    cloud(draw, 900, 100)
    # A workshop hall with a sawtooth roof and solar panels.
    draw.rectangle(s(120, 260, 820, 520), fill=WHITE)
    for tooth in range(5):
        x = 120 + tooth * 140
        draw.polygon(s(x, 260, x + 140, 260, x + 140, 180), fill=BRAND)
        draw.polygon(s(x + 20, 250, x + 130, 250, x + 130, 196), fill=BRAND_DARK)
    draw.rectangle(s(400, 380, 540, 520), fill=ACCENT)
    for x in (180, 600):
        draw.rectangle(s(x, 320, x + 160, 420), fill=BRAND_SOFT)
    # A light bulb: a new idea.
    draw.ellipse(s(920, 220, 1080, 380), fill=SUN)
    draw.rectangle(s(965, 370, 1035, 430), fill=STONE)
    for ray in (-1, 0, 1):
        draw.line(
            s(1000 + ray * 90, 190 - abs(ray) * -20, 1000 + ray * 120, 150),
            fill=SUN,
            width=8 * SCALE,
        )
    for number, x in enumerate((300, 660, 880, 1000)):
        person(draw, x, 600, number + 1, 120)


def energy(draw: ImageDraw.ImageDraw) -> None:
    backdrop(draw, 380)
    sun(draw, 180, 130, 60)
    draw.ellipse(s(-200, 300, 700, 700), fill=LEAF_LIGHT)
    draw.ellipse(s(500, 320, 1500, 760), fill=GRASS)
    for x, top in ((760, 120), (950, 160), (1110, 200)):
        draw.polygon(s(x - 8, 420, x + 8, 420, x + 4, top, x - 4, top), fill=WHITE)
        for angle in (90, 210, 330):
            a = math.radians(angle)
            draw.line(
                s(x, top, x + math.cos(a) * 110, top - math.sin(a) * 110),
                fill=WHITE,
                width=12 * SCALE,
            )
        draw.ellipse(s(x - 12, top - 12, x + 12, top + 12), fill=STONE)
    for row in range(3):
        for column in range(5):
            x = 80 + column * 120 + row * 30
            y = 470 + row * 60
            draw.polygon(s(x, y + 40, x + 100, y + 40, x + 80, y, x + 20, y), fill=BRAND_DARK)
            draw.line(s(x + 50, y, x + 50, y + 40), fill=BRAND_SOFT, width=2 * SCALE)


def participation(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle(s(0, 0, WIDTH, HEIGHT), fill=BRAND_SOFT)
    draw.rectangle(s(0, 470, WIDTH, HEIGHT), fill=EARTH)
    # A board with sticky notes and a bar chart.
    draw.rectangle(s(120, 80, 620, 380), fill=WHITE, outline=STONE, width=6 * SCALE)
    for index, colour in enumerate((SUN, LEAF_LIGHT, "#f4a6a0", SUN, LEAF_LIGHT, "#f4a6a0")):
        x, y = 160 + (index % 3) * 140, 120 + (index // 3) * 120
        draw.rectangle(s(x, y, x + 100, y + 90), fill=colour)
    # A ballot box.
    draw.rectangle(s(820, 300, 1040, 470), fill=BRAND)
    draw.rectangle(s(880, 294, 980, 306), fill=INK)
    draw.rectangle(s(895, 230, 965, 300), fill=WHITE, outline=STONE, width=3 * SCALE)
    draw.line(s(910, 262, 925, 280, 952, 246), fill=ACCENT, width=6 * SCALE)
    for number, x in enumerate((180, 300, 420, 560, 700, 1120)):
        person(draw, x, 640, number, 150)


def water(draw: ImageDraw.ImageDraw) -> None:
    backdrop(draw, 330)
    cloud(draw, 120, 120, 80, fill="#aebfca")
    cloud(draw, 420, 90, 60, fill="#aebfca")
    for drop in range(14):
        x = 110 + (drop * 53) % 420
        y = 200 + (drop * 37) % 100
        draw.line(s(x, y, x - 10, y + 30), fill=BRAND, width=4 * SCALE)
    # The river.
    draw.polygon(
        s(0, 520, 300, 470, 700, 500, 1200, 440, 1200, 600, 700, 640, 300, 610, 0, 675), fill=WATER
    )
    for wave in range(6):
        x = 80 + wave * 190
        draw.arc(s(x, 530, x + 60, 560), 200, 340, fill=WHITE, width=4 * SCALE)
    # A treatment plant: round basins and a pipe.
    for x in (760, 960):
        draw.ellipse(s(x, 250, x + 180, 330), fill=STONE)
        draw.ellipse(s(x + 20, 262, x + 160, 318), fill="#8ccbe6")
    draw.rectangle(s(700, 330, 1150, 380), fill=STONE)
    draw.rectangle(s(1000, 380, 1030, 470), fill=ROAD)
    tree(draw, 620, 420, 70)


def heat(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle(s(0, 0, WIDTH, HEIGHT), fill="#fbe3c0")
    sun(draw, 1040, 130, 80)
    for x, h in ((40, 280), (220, 220), (400, 320), (580, 250)):
        building(draw, x, 520, 160, h, fill="#e9d3bd", roof=WHITE, windows=BRAND_SOFT)
    draw.rectangle(s(0, 520, WIDTH, HEIGHT), fill=STONE)
    for x in (820, 990, 1150):
        tree(draw, x, 560, 95, leaf=ACCENT)
    draw.ellipse(s(740, 560, 1200, 620), fill="#9fb8a2")
    # A thermometer.
    draw.rounded_rectangle(
        s(780, 180, 820, 400), radius=20 * SCALE, fill=WHITE, outline=INK, width=3 * SCALE
    )
    draw.rectangle(s(792, 240, 808, 400), fill=RED)
    draw.ellipse(s(768, 380, 832, 444), fill=RED)
    for number, x in enumerate((900, 1060)):
        person(draw, x, 610, number + 2, 110)


def market(draw: ImageDraw.ImageDraw) -> None:
    backdrop(draw, 300, ground=EARTH)
    sun(draw, 1080, 90, 45)
    for index, x in enumerate((40, 440, 840)):
        stripe = (RED, SUN, ACCENT)[index]
        # Striped awning.
        for band in range(8):
            draw.rectangle(
                s(x + band * 40, 200, x + band * 40 + 40, 270), fill=stripe if band % 2 else WHITE
            )
        for band in range(8):
            bx = x + band * 40
            draw.pieslice(s(bx, 250, bx + 40, 290), 0, 180, fill=stripe if band % 2 else WHITE)
        draw.rectangle(s(x + 6, 270, x + 16, 470), fill="#7a5233")
        draw.rectangle(s(x + 304, 270, x + 314, 470), fill="#7a5233")
        draw.rectangle(s(x - 10, 400, x + 330, 470), fill="#a0703f")
        for fruit in range(9):
            colour = (SUN, RED, LEAF, "#e07b39")[(fruit + index) % 4]
            fx = x + 20 + fruit * 34
            draw.ellipse(s(fx, 366, fx + 34, 400), fill=colour)
    for number, x in enumerate((180, 360, 620, 760, 1000, 1150)):
        person(draw, x, 640, number, 140)


def streets(draw: ImageDraw.ImageDraw) -> None:
    backdrop(draw, 300)
    for x, h in ((0, 200), (180, 150), (760, 230), (960, 180)):
        building(draw, x, 300, 170, h, fill=BRAND_SOFT)
    draw.rectangle(s(0, 300, WIDTH, 340), fill=STONE)
    draw.rectangle(s(0, 340, WIDTH, 600), fill=ROAD)
    for x in range(0, WIDTH, 140):
        draw.rectangle(s(x, 462, x + 80, 474), fill=WHITE)
    # A zebra crossing.
    for stripe in range(7):
        y = 350 + stripe * 36
        draw.rectangle(s(560, y, 660, y + 20), fill=WHITE)
    # A minibus.
    draw.rounded_rectangle(s(120, 370, 460, 500), radius=30 * SCALE, fill=SUN)
    for window in range(4):
        draw.rectangle(s(150 + window * 72, 390, 200 + window * 72, 430), fill=BRAND_SOFT)
    for wheel in (190, 390):
        draw.ellipse(s(wheel - 34, 470, wheel + 34, 538), fill=INK)
    draw.rectangle(s(0, 600, WIDTH, HEIGHT), fill=STONE)
    # A bus stop.
    draw.rectangle(s(900, 420, 910, 620), fill=ROAD)
    draw.ellipse(s(870, 380, 940, 450), fill=ACCENT)
    for number, x in enumerate((600, 630, 1000, 1080)):
        person(draw, x, 640 if x > 700 else 560, number + 3, 110)


def dialogue_event(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle(s(0, 0, WIDTH, HEIGHT), fill="#f4efe6")
    draw.rectangle(s(0, 500, WIDTH, HEIGHT), fill="#d8c6ad")
    # A flip chart and a screen with a map-like pattern.
    draw.rectangle(s(80, 120, 300, 420), fill=WHITE, outline=ROAD, width=4 * SCALE)
    for row in range(5):
        draw.rectangle(
            s(110, 160 + row * 46, 270 - row * 20, 176 + row * 46), fill=(BRAND, ACCENT)[row % 2]
        )
    draw.line(s(120, 420, 100, 520), fill=ROAD, width=6 * SCALE)
    draw.line(s(260, 420, 280, 520), fill=ROAD, width=6 * SCALE)
    draw.rectangle(s(420, 80, 1080, 340), fill=BRAND)
    for blob in (
        (480, 130, 640, 230),
        (700, 110, 820, 200),
        (860, 180, 1020, 300),
        (560, 250, 660, 320),
    ):
        draw.ellipse(s(*blob), fill=ACCENT)
    # Speech bubbles.
    draw.rounded_rectangle(s(400, 380, 560, 450), radius=20 * SCALE, fill=WHITE)
    draw.rounded_rectangle(s(820, 370, 980, 440), radius=20 * SCALE, fill=WHITE)
    # A table with people around it.
    draw.ellipse(s(480, 540, 960, 640), fill="#a0703f")
    for number, x in enumerate((420, 540, 660, 790, 910, 1030)):
        person(draw, x, 600, number, 130)


SCENES: dict[str, Scene] = {
    "public-space": public_space,
    "waste": waste,
    "digital-services": digital,
    "start-ups": start_ups,
    "energy": energy,
    "participation": participation,
    "water": water,
    "heat": heat,
    "market": market,
    "streets": streets,
    "dialogue-event": dialogue_event,
}


def render(scene: Scene) -> Image.Image:
    canvas = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), WHITE)
    scene(ImageDraw.Draw(canvas))
    smooth = canvas.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    return smooth.quantize(colors=48, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, scene in SCENES.items():
        path = OUT / f"{name}.png"
        render(scene).save(path, optimize=True)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
