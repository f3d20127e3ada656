// Walks the Dateline web UI as an analyst would, in Debian's Chromium (no browser download):
// open the timeline, filter it by one actor, open an event, see its sources; search for a word and
// open a hit; follow an event's short id from the timeline; page on. Saves a screenshot
// of each step, then opens every other kind of page. Each must be styled by the served stylesheet
// with no complaint from Chromium about the server's Content-Security-Policy.
// Usage: node timeline.mjs BASE_URL SCREENSHOT_DIR ACTOR_ID ACTOR_NAME
// Prints one JSON line of what it saw; exits non-zero when a step does not show what it should.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, shots, actorId, actorName] = process.argv.slice(2);
if (!base || !shots || !actorId || !actorName) {
  console.error("usage: node timeline.mjs BASE_URL SCREENSHOT_DIR ACTOR_ID ACTOR_NAME");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // This machine has no network: Chromium's own background connections would only fail.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
// What Chromium says when the policy blocks something, or when nosniff refuses a stylesheet.
const refusals = [];
const INK = "rgb(29, 36, 48)"; // the site header's background in style.css (--ink)

async function checkStyled(page) {
  const header = await page.locator("header.site").evaluate((el) => getComputedStyle(el).backgroundColor);
  check(header === INK, `${page.url()} is not styled: its header's background is ${header}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  page.on("pageerror", (error) => refusals.push(String(error)));
  await page.goto(`${base}/timeline`);
  await checkStyled(page);
  const all = await page.locator("li.event").count();
  check(all > 0, "the timeline shows no events");

  await page.selectOption("#filters select[name=actor]", actorId);
  await Promise.all([page.waitForURL(/[?&]actor=/), page.click("#filters button[type=submit]")]);
  const links = page.locator("li.event a.event-link");
  const filtered = await links.count();
  check(filtered > 0 && filtered < all, `filtering by ${actorId} left ${filtered} of ${all} events`);
  const summaries = await links.allTextContents();
  const strays = summaries.filter((text) => !text.includes(actorName));
  check(strays.length === 0, `events without ${actorName} after filtering: ${strays.join(" | ")}`);
  await page.screenshot({ path: join(shots, "timeline-filtered.png"), fullPage: true });

  const summary = summaries[0];
  await Promise.all([page.waitForURL(/\/events\/[^/]+$/), links.first().click()]);
  const heading = await page.locator("h1").textContent();
  check(heading.includes(summary.trim()), `the event page is headed ${heading}, not ${summary}`);
  const sources = page.locator("li.source");
  const count = await sources.count();
  check(count > 0, "the event page lists no sources");
  const sentence = await sources.first().locator("blockquote.sentence").textContent();
  check(sentence.trim().length > 20, "the first source has no sentence");
  const triggers = await page.locator("li.source mark.trigger").count();
  check(triggers > 0, "no trigger is highlighted in the sources");
  const articleLinks = await page.locator("li.source a.article-link").count();
  check(articleLinks === count, "a source does not link to its article");
  await page.screenshot({ path: join(shots, "event.png"), fullPage: true });
  const event = page.url();

  // The key dates, from the timeline's link: dates in order, each quoting and citing its articles.
  await page.goto(`${base}/timeline`);
  await Promise.all([page.waitForURL(/\/key-dates/), page.click("a#key-dates")]);
  const days = await page.locator("section.key-date").evaluateAll(
    (sections) => sections.map((section) => section.dataset.date));
  check(days.length > 0, "the key dates page shows no dates");
  check(days.join() === [...days].sort().join(), `key dates out of order: ${days.join(", ")}`);
  const quotes = page.locator("section.key-date blockquote.sentence");
  const quoted = await quotes.count();
  check(quoted > 0, "no key date quotes a sentence");
  await page.screenshot({ path: join(shots, "key-dates.png"), fullPage: true });
  const quote = (await quotes.first().textContent()).trim();
  await Promise.all([page.waitForURL(/\/articles\/[^/]+$/), quotes.first().locator("a.article-link").click()]);
  const articleText = await page.locator("main").textContent();
  const opening = quote.split("—")[0].trim().split(/\s+/).slice(0, 6).join(" ");
  check(articleText.replace(/\s+/g, " ").includes(opening), `the cited article does not hold "${opening}"`);

  // Search from the box in the header, open the best hit, and find the word on its page.
  await page.goto(`${base}/`);
  const box = page.locator("header form.site-search input[name=q]");
  await box.fill("Dushanbe");
  await Promise.all([page.waitForURL(/\/search\?q=Dushanbe$/), box.press("Enter")]);
  const hits = page.locator("ol#hits li.hit");
  const searchHits = await hits.count();
  check(searchHits > 0, "searching for Dushanbe found nothing");
  const markedWord = (await hits.first().locator(".snippet mark").first().textContent()).trim();
  check(/^dushanbe$/i.test(markedWord), `the best hit marks "${markedWord}", not Dushanbe`);
  const hitKind = await hits.first().getAttribute("data-kind");
  await page.screenshot({ path: join(shots, "search.png"), fullPage: true });
  await Promise.all([page.waitForURL(/\/(articles|events|actors)\/[^/?]+$/),
                     hits.first().locator("a").first().click()]);
  const opened = await page.locator("main").textContent();
  check(opened.includes("Dushanbe"), `the opened ${hitKind} does not mention Dushanbe`);

  // Follow an event's short id from the timeline to its page, then type it as a URL.
  await page.goto(`${base}/timeline?per_page=10`);
  const firstIds = (await page.locator("li.event a.event-id code").allTextContents()).map((t) => t.trim());
  check(firstIds.length === 10, `the first page of 10 shows ${firstIds.length} ids`);
  const shortId = firstIds[0];
  check(/^[0-9a-f]{8,}$/.test(shortId), `"${shortId}" is no short event id`);
  await Promise.all([page.waitForURL(/\/events\/[0-9a-f]{16}$/),
                     page.locator("li.event a.event-id").first().click()]);
  const followed = page.url();
  check(followed.split("/events/")[1].startsWith(shortId), `${shortId} led to ${followed}`);
  await page.goto(`${base}/events/${shortId}`);
  check(page.url() === followed, `/events/${shortId} landed on ${page.url()}, not ${followed}`);

  // Page on to the next page of the timeline: ten other events, counted on from the first page.
  await page.goto(`${base}/timeline?per_page=10`);
  await Promise.all([page.waitForURL(/[?&]page=2(&|$)/), page.click("#next-page")]);
  const secondIds = (await page.locator("li.event a.event-id code").allTextContents()).map((t) => t.trim());
  check(secondIds.length > 0 && secondIds.every((id) => !firstIds.includes(id)),
        `page 2 repeats page 1: ${secondIds.join(", ")}`);
  const showing = (await page.locator("#pager .showing").textContent()).replace(/\s+/g, " ");
  check(/\b11\b/.test(showing) && /page 2 of/.test(showing), `page 2 says "${showing}"`);
  await page.screenshot({ path: join(shots, "timeline-page-2.png"), fullPage: true });

  // Every other kind of page, the relation chart (inline SVG) and an error page among them.
  const others = ["/", "/events", "/actors", `/actors/${encodeURIComponent(actorId)}`, "/stories",
                  "/relations", "/relations?a=India&b=Afghanistan", "/events/no-such-event"];
  for (const path of others) {
    await page.goto(`${base}${path}`);
    await checkStyled(page);
  }
  const bars = await page.goto(`${base}/relations?a=India&b=Afghanistan`).then(
    () => page.locator("svg.chart rect.coop").evaluateAll(
      (rects) => rects.map((rect) => getComputedStyle(rect).fill)));
  check(bars.length > 0 && bars.every((fill) => fill === "rgb(47, 125, 79)"),
        `the chart's cooperation bars are not drawn in --coop: ${bars.join(", ")}`);
  await page.screenshot({ path: join(shots, "relations.png"), fullPage: true });
  await page.goto(`${base}/stories`);
  const gap = await page.locator("section.story").first().evaluate((el) => getComputedStyle(el).marginBottom);
  check(gap !== "0px", "the stories are not spaced apart");
  await page.screenshot({ path: join(shots, "stories.png"), fullPage: true });
  check(refusals.length === 0, `Chromium refused something:\n${refusals.join("\n")}`);

  console.log(JSON.stringify({ all, filtered, event, sources: count, triggers, sentence: sentence.trim(),
                               keyDates: days.length, quoted, searchHits, hitKind, shortId, followed,
                               secondPage: secondIds.length, showing, styled: 1 + others.length,
                               refusals }));
} finally {
  await browser.close();
}
