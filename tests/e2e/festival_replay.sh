#!/usr/bin/env bash
# End-to-end: the festival under Xvfb. Initialises an event database from the default pack, plays a
# buzzer question on the quiz host's screen and a judge's sheet through the real program (replay
# scripts), scores the other four judges through the CLI (five judges in all), puts the results on
# stage, and checks the screens' state and the PNG screenshots. Usage: festival_replay.sh KIOSK_BIN [OUT_DIR]
set -euo pipefail
bin=${1:?kiosk binary}
out=${2:-docs/screenshots}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/event.db"
export LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy
mkdir -p "$out"
"$bin" --db "$db" init --pack "$here/../../data/ngay-hoi-antq-2023" --today >/dev/null

gui() { # role replay state
  xvfb-run -a -s "-screen 0 1280x720x24" "$bin" --db "$db" gui --role "$1" --windowed 1280x720 \
    --replay "$2" --screenshots "$out" --state "$3"
}

"$bin" --db "$db" quiz show c23 >/dev/null
gui quiz "$here/festival/quiz.replay" "$work/quiz.json"
grep -q '"phase":"revealed"' "$work/quiz.json"
grep -q '"bvsn":20' "$work/quiz.json"      # the second team in order answered right
grep -q '"bvdk":-5' "$work/quiz.json"      # the false start cost 5 points
grep -q '"cdc":-10' "$work/quiz.json"      # the wrong answer cost 10
"$bin" --db "$db" --json quiz status | grep -q '"kind":"false_start"'

gui judge "$here/festival/judge.replay" "$work/judge.json"
grep -q '"submitted":1' "$work/judge.json"
for j in 1 3 4 5; do
  for p in tm01 tm02 tm03; do
    for c in noi-dung bieu-dien trang-phuc; do
      "$bin" --db "$db" judge score --judge gk$j --pin 230$j $p $c $((6 + (j + ${#p} + ${#c}) % 4)) >/dev/null
    done
    "$bin" --db "$db" judge submit --judge gk$j --pin 230$j $p >/dev/null
  done
done
"$bin" --db "$db" --json results --contest van-nghe | grep -q '"prize":"first"'
"$bin" --db "$db" results --contest van-nghe stage results
printf 'wait festival_mode results\nshot stage_results\nquit\n' > "$work/stage.replay"
gui stage "$work/stage.replay" "$work/stage.json"
grep -q '"festival_mode":"results"' "$work/stage.json"
shots="quiz_shown quiz_buzzers quiz_revealed judge_signin judge_sheet judge_submitted stage_results"
for shot in $shots; do
  test -s "$out/$shot.png" || { echo "missing screenshot $shot" >&2; exit 1; }
done
echo "festival e2e: ok"
