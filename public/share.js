// A share page (`<meeting>/r/<remark>/`) is for link previews, which read its head without
// running this. A reader goes on to the remark in its meeting page, keeping the link's
// query (filters, `lang`); `replace`, so that Back does not return here and loop.
const target = document.querySelector('a[data-share-target]');
if (target) {
  const url = new URL(target.getAttribute('href'), location.href);
  url.search = location.search;
  location.replace(url.href);
}
