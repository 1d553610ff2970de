# `boardpress serve` against hostile clients (serve_abuse.py): no path in any encoding reaches a
# file outside site/ (or a hidden one in it), absurd requests are refused without harm, slow
# connections do not stop others being served, and after a burst of 500 connections a normal GET
# is answered at once with no descriptor or thread left behind.
source "$(dirname "$0")/lib.bash"
command -v python3 > /dev/null || fail "python3 is not installed"
dir=$(project minimal)
echo PROJECT-SECRET > "$dir/secret.txt"
echo OUTSIDE-SECRET > "$WORK/secret.txt"
cd "$dir"
NO_COLOR=1 "$BOARDPRESS" serve . --port 0 > "$WORK/serve.txt" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q "serving" "$WORK/serve.txt" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.txt")
[ -n "$port" ] || { cat "$WORK/serve.txt"; fail "serve did not start"; }

# Links inside the site that lead out of it are not followed out.
ln -s "$WORK/secret.txt" site/outside-link.txt
ln -s "$dir" site/linked-folder

python3 "$SOURCE_DIR/tests/integration/serve_abuse.py" "$port" "$server" ||
  { tail -20 "$WORK/serve.txt"; fail "serve_abuse.py"; }

kill -INT $server
wait $server || fail "serve did not stop cleanly on Ctrl-C after the abuse"
echo "serve_abuse: ok"
