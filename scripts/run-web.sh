#!/usr/bin/env bash
# Start the web application on SQLite at http://127.0.0.1:8000 with the seed department and the
# labelled demo county loaded (once; rerun with JIXIAO_DEMO_RESET=1 to rebuild), printing the demo
# accounts for each role. The database lives in <repo>/var/jixiao.sqlite3 unless JIXIAO_DB is set.
set -euo pipefail
cd "$(dirname "$0")/.."
JIXIAO=.venv/bin/jixiao
HOST="${JIXIAO_HOST:-127.0.0.1}"
PORT="${JIXIAO_PORT:-8000}"
mkdir -p var
$JIXIAO manage migrate --noinput -v 0
if [ "${JIXIAO_DEMO_RESET:-0}" = "1" ]; then
  $JIXIAO manage demo --reset
else
  $JIXIAO manage demo
fi
echo
echo "jixiao 已启动 / running: http://$HOST:$PORT/  (公开门户 portal: /portal/ · 登录 login: /login/ · API: /api/docs)"
echo "后台任务进程随平台一起启动（批量生成报告、批量导入）/ a background worker runs beside the server"
exec $JIXIAO serve --host "$HOST" --port "$PORT" --no-migrate
