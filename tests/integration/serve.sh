# `boardpress serve`: listens on 127.0.0.1 only, adds live reload to pages, rebuilds when a file
# is saved and tells open tabs within a second, shows a failed build's error in place of pages
# and recovers when the file is fixed, refuses paths out of the site and odd requests, and ends
# on Ctrl-C with one line.
source "$(dirname "$0")/lib.bash"
dir=$(project minimal)
cd "$dir"
NO_COLOR=1 "$BOARDPRESS" serve . --port 0 > "$WORK/serve.txt" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 50); do grep -q "serving" "$WORK/serve.txt" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.txt")
[ -n "$port" ] || { cat "$WORK/serve.txt"; fail "serve did not start"; }
url="http://127.0.0.1:$port"

# Only loopback: /proc/net/tcp lists the listener as 0100007F (127.0.0.1) and the port in hex.
grep -qi "0100007F:$(printf '%04X' "$port") 00000000:0000 0A" /proc/net/tcp ||
  fail "not listening on 127.0.0.1 alone"

curl -sf "$url/about.html" > "$WORK/page.html" || fail "no page"
expect_in "$WORK/page.html" "About the board."
expect_in "$WORK/page.html" "/_boardpress/events"

# An open tab's event stream hears about the rebuild within a second of the save.
curl -sN --max-time 20 "$url/_boardpress/events" > "$WORK/events.txt" &
events=$!
sleep 0.3
expect_in "$WORK/events.txt" "data: 1"
start=$(date +%s%N)
printf -- '---\ntitle: About us\n---\nAbout the board, now with private fostering.\n' > content/about.md
until grep -q "data: 2" "$WORK/events.txt"; do
  (( ($(date +%s%N) - start) / 1000000 < 1000 )) || fail "no reload event within a second"
  sleep 0.02
done
curl -sf "$url/about.html" > "$WORK/page.html"
expect_in "$WORK/page.html" "now with private fostering"
expect_in "$WORK/serve.txt" "after content/about.md changed"

# A broken file: the error, its place and its fix are shown in place of the pages.
printf -- '---\ntitle: [About us\n---\nBody.\n' > content/about.md
until grep -q "data: 3" "$WORK/events.txt"; do sleep 0.02; done
status=$(curl -s -o "$WORK/page.html" -w '%{http_code}' "$url/about.html")
[ "$status" = 500 ] || fail "a failed build served $status"
expect_in "$WORK/page.html" "content/about.md:2:8"
expect_in "$WORK/page.html" "The site could not be built"
expect_in "$WORK/page.html" "/_boardpress/events"
expect_in "$WORK/serve.txt" "build failed after content/about.md changed"

# Fixed: the page comes back.
printf -- '---\ntitle: About us\n---\nMended.\n' > content/about.md
until grep -q "data: 4" "$WORK/events.txt"; do sleep 0.02; done
curl -sf "$url/about.html" > "$WORK/page.html" || fail "the page did not recover"
expect_in "$WORK/page.html" "Mended."

# Nothing outside site/ is served; odd requests get a clear refusal.
echo secret > "$WORK/secret.txt"
for path in "/../../secret.txt" "/%2e%2e/%2e%2e/secret.txt" "/..%2f..%2fsecret.txt" \
            "/../boardpress.json" "/%2e%2e/content/about.md" "/.staging" "/index.html%00"; do
  status=$(curl -s --path-as-is -o "$WORK/body.txt" -w '%{http_code}' "$url$path")
  [ "$status" = 404 ] || fail "$path answered $status"
  expect_not_in "$WORK/body.txt" "secret"
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/")" = 405 ] || fail "POST accepted"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/$(head -c 3000 /dev/zero | tr '\0' a)")" = 414 ] ||
  fail "a very long address was not refused"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $(head -c 9000 /dev/zero | tr '\0' a)" "$url/")" = 431 ] ||
  fail "a huge request head was not refused"

# A burst of concurrent requests is answered in full.
kill $events
burst=()
for _ in $(seq 40); do
  curl -s -o /dev/null -w '%{http_code}\n' "$url/index.html" >> "$WORK/burst.txt" &
  burst+=($!)
done
wait "${burst[@]}"
[ "$(grep -c 200 "$WORK/burst.txt")" = 40 ] || { sort "$WORK/burst.txt" | uniq -c; fail "burst"; }

kill -INT $server
wait $server || fail "serve did not stop cleanly on Ctrl-C"
expect_in "$WORK/serve.txt" "requests and built 4 times"
echo "serve: ok"
