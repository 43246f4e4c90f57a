// A few lines of a frontend, written against the generated types, so that `tsc --noEmit` proves the
// types describe the documents in a usable way (narrowing on __typename, nullability, variables).
// Not shipped anywhere; `npm run check` compiles it.
import type {
  BodyBlockFragment,
  EventTime,
  EventsQuery,
  EventsQueryVariables,
  PageByPathQuery,
  PageByPathQueryVariables,
  ResponsiveImageFragment,
  SiteShellQuery,
} from "./types/graphql";

export const upcomingInFrench: EventsQueryVariables = { when: "UPCOMING" satisfies EventTime, locale: "fr", perPage: 5 };
export const memorialPath: PageByPathQueryVariables = { urlPath: "/memorials/lancaster-ja712-memorial/", locale: "en" };

/** The <title> of a page: its SEO title if an editor wrote one, else its title; 404 when there is no page. */
export function documentTitle(data: PageByPathQuery, site: SiteShellQuery): string {
  const page = data.page;
  if (page === null) return `Not found | ${site.organisation?.name ?? ""}`;
  return `${page.seoTitle || page.title} | ${site.organisation?.name ?? ""}`;
}

/** One line about any page, using the fields of its own type. */
export function describe(data: PageByPathQuery): string {
  const page = data.page;
  if (page === null) return "not found";
  switch (page.__typename) {
    case "MemorialPage":
      return `${page.title}, ${page.municipality} (${page.kind}); ceremonies held there: ${page.events.length}`;
    case "EventPage":
      return `${page.title}: ${page.start}${page.anniversary ? `, ${page.anniversary}th anniversary` : ""}`;
    case "HistoryPage":
      return `${page.title} (${page.periodStart ?? "?"}–${page.periodEnd ?? "?"}), ${page.sources?.length ?? 0} sources`;
    case "NewsPage":
      return `${page.date}: ${page.summary}`;
    case "HomePage":
      return `${page.featured.length} featured pages`;
    default:
      return page.title;
  }
}

/** The attributes of an <img> for a responsive image. */
export function imgAttributes(image: ResponsiveImageFragment, sizes = "100vw") {
  return {
    src: image.fallback?.url ?? image.url,
    srcSet: image.srcSet ?? undefined,
    sizes,
    width: image.width,
    height: image.height,
    alt: image.altText,
  };
}

/** Plain text of a body, e.g. for a reading-time estimate. */
export function bodyText(blocks: ReadonlyArray<BodyBlockFragment | null> | null): string {
  return (blocks ?? [])
    .map((block) => {
      if (block === null) return "";
      switch (block.__typename) {
        case "HeadingBlock":
          return block.text;
        case "RichTextBlock":
          return block.value.replace(/<[^>]+>/g, "");
        case "QuoteBlock":
          return block.quote;
        case "CaptionedImageBlock":
          return block.caption;
        default:
          return "";
      }
    })
    .join("\n");
}

/** The next ceremony's title and date, if any. */
export function nextCeremony(data: EventsQuery): string | null {
  const [next] = data.events.items;
  return next ? `${next.title} — ${next.start}` : null;
}
