# `boardpress template FILE --data FILE.json` renders one template, with includes beside FILE.
source "$(dirname "$0")/lib.bash"
mkdir -p "$WORK/t"
cat > "$WORK/t/page.html" <<'T'
{% include "part.html" %}{% for m in months %}{{ loop.index }}={{ m.v | default("–") }};{% endfor %}
{{ total | gbp }} {{ "2017-03-01" | date }} {{ name }}
T
echo -n "[{{ title | upper }}]" > "$WORK/t/part.html"
echo '{"title": "plans", "months": [{"v": 1}, {}], "total": -1500, "name": "<b>&</b>"}' > "$WORK/t/data.json"
(cd "$WORK" && "$BOARDPRESS" template t/page.html --data t/data.json) > "$WORK/out.txt"
expected=$'[PLANS]1=1;2=–;\n−£1,500 1 March 2017 &lt;b&gt;&amp;&lt;/b&gt;'
[ "$(cat "$WORK/out.txt")" = "$expected" ] || { cat "$WORK/out.txt"; fail "template output differs"; }
# An error in the template names the file and position.
echo '{{ nope }}' > "$WORK/t/bad.html"
set +e
(cd "$WORK" && NO_COLOR=1 "$BOARDPRESS" template t/bad.html --data t/data.json) 2> "$WORK/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "expected exit 1, got $status"
expect_in "$WORK/err.txt" "bad.html:1:4"
echo "template_command: ok"
