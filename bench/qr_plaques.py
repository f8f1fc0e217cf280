"""Benchmark: the bulk plaque PDF (and the ZIP of SVGs) for 100 places, as the admin builds it.

Run by hand: `.venv/bin/python bench/qr_plaques.py [--places 100] [--rounds 5]`. It migrates a throwaway
SQLite database, loads the bundled Malang content, tops the places up with synthetic ones until there are
`--places` of them (each published, so each gets its code the normal way), then times:

- the admin's bulk download, `GET /admin/qr/plaques/?codes=…&paper=a5&output=pdf`, as a superuser (form
  validation, queries, drawing, the HTTP response): this is what an editor waits for;
- the same for A6, and for the ZIP of SVGs;
- `plaques_pdf()` alone, to separate drawing from the request.

The target for 100 places is under 10 s. It checks the PDF has one page per place and decodes the QR code of
its first and last page when pypdfium2 and zxing-cpp (the test extras) are installed. No timing is asserted.
"""

import argparse
import statistics
import time

from seeded_site import seeded_site

TARGET_S = 10.0


def top_up_places(count: int) -> None:
    """Publish synthetic heritage sites under the Indonesian place index until `count` places have codes."""
    from decimal import Decimal

    from heritage.models import HeritageSitePage, PlaceIndexPage
    from plaques.models import ShortCode

    index = PlaceIndexPage.objects.filter(locale__language_code="id").first()
    have = ShortCode.objects.filter(page__placepage__isnull=False).count()
    for number in range(have, count):
        page = HeritageSitePage(
            title=f"Bangunan Cagar Budaya Jalan Ijen No. {number + 1}",
            slug=f"bench-ijen-{number + 1}",
            summary="Rumah kolonial di Jalan Ijen (data sintetis untuk bench).",
            kind="colonial_building",
            region="kota-malang",
            latitude=Decimal("-7.9700") + Decimal(number) / 10_000,
            longitude=Decimal("112.6200"),
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision().publish()


def check_pdf(pdf: bytes, codes: list[str]) -> str:
    try:
        import pypdfium2 as pdfium
        import zxingcpp
    except ImportError:
        return "not checked (pypdfium2 or zxing-cpp missing)"
    from plaques.codes import short_url

    document = pdfium.PdfDocument(pdf)
    try:
        assert len(document) == len(codes), f"{len(document)} pages for {len(codes)} places"
        for index in (0, len(document) - 1):
            image = document[index].render(scale=2).to_pil().convert("L")
            read = [result.text for result in zxingcpp.read_barcodes(image)]
            assert read == [short_url(codes[index])], f"page {index + 1} reads {read}"
    finally:
        document.close()
    return f"{len(codes)} pages, first and last page decode to their short links"


def timed(function, rounds: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--places", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    seeded_site()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from plaques.models import ShortCode
    from plaques.plaques import plaques_for, plaques_pdf

    start = time.perf_counter()
    top_up_places(args.places)
    print(
        f"setup: {args.places} places with codes ({time.perf_counter() - start:.1f} s to publish the extra ones)"
    )

    short_codes = list(
        ShortCode.objects.filter(page__placepage__isnull=False).select_related("page").order_by("page__title")
    )[: args.places]
    codes = [short_code.code for short_code in short_codes]
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("bench", "", "bench-pw-not-secret"))
    query = "&".join(f"codes={code}" for code in codes)

    def download(paper, output):
        def run():
            response = client.get(f"/admin/qr/plaques/?{query}&paper={paper}&output={output}")
            assert response.status_code == 200, response.status_code
            assert response["Content-Type"] in ("application/pdf", "application/zip"), response[
                "Content-Type"
            ]
            return response.content

        return run

    def s(values):
        return f"median {statistics.median(values):.2f} s, max {max(values):.2f} s"

    a5_times, a5_pdf = timed(download("a5", "pdf"), args.rounds)
    a6_times, a6_pdf = timed(download("a6", "pdf"), args.rounds)
    zip_times, svgs = timed(download("a5", "zip"), args.rounds)
    draw_times, _pdf = timed(lambda: plaques_pdf(plaques_for(short_codes), "a5"), args.rounds)

    verdict = "under" if statistics.median(a5_times) < TARGET_S else "OVER"
    print(
        f"bulk plaque PDF, A5, {len(codes)} places (admin request): {s(a5_times)}, {len(a5_pdf) / 1024:.0f} KB"
    )
    print(f"  {verdict} the {TARGET_S:.0f} s target; {check_pdf(a5_pdf, codes)}")
    print(
        f"bulk plaque PDF, A6, {len(codes)} places (admin request): {s(a6_times)}, {len(a6_pdf) / 1024:.0f} KB"
    )
    print(f"ZIP of SVGs, {len(codes)} places (admin request): {s(zip_times)}, {len(svgs) / 1024:.0f} KB")
    print(f"plaques_pdf() alone, A5: {s(draw_times)}")


if __name__ == "__main__":
    main()
