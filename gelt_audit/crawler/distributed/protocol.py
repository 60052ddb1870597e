"""What the coordinator and the workers share through Redis: keys, Lua scripts and the JSON format.

Nothing here is pickled: Redis may be shared and crawled content is hostile, so requests and
items travel as JSON with bytes, links, items and bytes-keyed dicts tagged. This module is also
the scrapy-redis serializer of the shared request queue (``SCHEDULER_SERIALIZER``).
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, fields, is_dataclass
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from gelt_audit import __version__
from gelt_audit.crawler.items import ITEM_TYPES
from gelt_audit.errors import EXIT_CONFIG, EXIT_ERROR, CommandError
from gelt_audit.markup import Link

NAMESPACE = "gelt"
# Coordinator and workers of one run must speak the same protocol (checked by the worker).
PROTOCOL = 3
VERSION = f"{__version__}/protocolo {PROTOCOL}"  # what the coordinator publishes, what a worker must be
COORDINATOR_TTL = 15.0  # seconds without the coordinator's heartbeat before its run counts as dead
HEARTBEAT_TTL = 10.0  # seconds without a heartbeat before a worker counts as dead
RESULTS_BATCH = 500


# -- serialisation: JSON, never pickle (Redis may be shared; crawled content is hostile) ----------
def _prepare(obj: Any) -> Any:
    """JSON-ready copy: bytes, links, items and dicts with non-text keys (request headers) tagged."""
    if isinstance(obj, dict):
        if all(isinstance(k, str) for k in obj):
            return {k: _prepare(v) for k, v in obj.items()}
        return {"__d": [[_prepare(k), _prepare(v)] for k, v in obj.items()]}
    if isinstance(obj, list | tuple | set | frozenset):
        return [_prepare(v) for v in obj]
    if isinstance(obj, bytes):
        return {"__b": base64.b64encode(obj).decode("ascii")}
    if isinstance(obj, Link):
        return {"__link": asdict(obj)}
    if is_dataclass(obj) and ITEM_TYPES.get(type(obj).__name__) is type(obj):
        values = {f.name: _prepare(getattr(obj, f.name)) for f in fields(obj)}
        return {"__item": [type(obj).__name__, values]}
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    raise TypeError(f"no se puede enviar a Redis un valor de tipo {type(obj).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "__b" in obj:
            return base64.b64decode(obj["__b"])
        if "__link" in obj:
            return Link(**obj["__link"])
        if "__item" in obj:
            name, values = obj["__item"]
            return ITEM_TYPES[name](**values)
        if "__d" in obj:
            return {k: v for k, v in obj["__d"]}
    return obj


def dumps(obj: Any) -> bytes:
    """JSON with bytes, links, items and bytes-keyed dicts tagged (the scrapy-redis serializer interface)."""
    return json.dumps(_prepare(obj), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> Any:
    """The value :func:`dumps` wrote."""
    return json.loads(data, object_hook=_decode)


# -- Redis keys and scripts ---------------------------------------------------------------------------
class Keys:
    """Every Redis key of one namespace (so two portfolios can share a Redis server).

    A site's crawl is named ``k = "<run>:<crawl id>"``: the run is the coordinator's UUID, so
    keys never collide with another store's crawl of the same id, nor with a dead run's leftovers.
    """

    def __init__(self, ns: str = NAMESPACE):
        self.ns = ns
        self.coordinator = f"{ns}:coordinator"  # the live coordinator's lease: its run id, with a TTL
        self.active = f"{ns}:active"  # set of crawl keys being crawled
        self.linkcache = f"{ns}:linkcache"  # hash url -> JSON of the last external check
        self.requeued = f"{ns}:stats:requeued"
        self.refused = f"{ns}:refused"  # hash worker id -> why it refused the run (version mismatch)

    def results(self, k_or_run: str) -> str:
        """The results list of a run (one per coordinator run, never shared)."""
        return f"{self.ns}:results:{k_or_run.split(':', 1)[0]}"

    def site(self, k: str) -> str:
        return f"{self.ns}:site:{k}"

    def of(self, k: str, name: str) -> str:
        return f"{self.ns}:{k}:{name}"

    def worker(self, worker_id: str) -> str:
        return f"{self.ns}:worker:{worker_id}"

    def lease(self, host: str) -> str:
        return f"{self.ns}:lease:{host}"

    def next_start(self, host: str) -> str:
        return f"{self.ns}:next:{host}"


def run_of(k: str) -> str:
    return k.split(":", 1)[0]


# Pop the best request and record it as in flight, atomically: never in neither place. Idempotent
# per token: a retried call (the reply lost on a broken connection) returns the same request.
POP = """
local v = redis.call('HGET', KEYS[2], ARGV[1])
if v then return string.sub(v, string.find(v, '|', 1, true) + 1) end
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREM', KEYS[1], r[1])
redis.call('HSET', KEYS[2], ARGV[1], r[2] .. '|' .. r[1])
return r[1]
"""
# Put one in-flight request back (only once, whoever sees the dead worker first).
REQUEUE = """
local v = redis.call('HGET', KEYS[2], ARGV[1])
if not v then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
local sep = string.find(v, '|', 1, true)
redis.call('ZADD', KEYS[1], tonumber(string.sub(v, 1, sep - 1)), string.sub(v, sep + 1))
return 1
"""
# Claim and enqueue in one step, so a claimed URL is always in the queue (or in flight, or done).
# KEYS: queue, seen, pages, variants of the path, expected results, depth per URL, filter set,
# depth of the links each page led to ("<depth>:<step>"), those links
# ARGV: mode, url, page, query, max pages, max variants, request url, depth, score, request data
# mode 'claim': the site's crawl rules (seen URLs, query variants per path, page budget), the same
# SiteSpider applies in one process; 'set': a plain duplicate filter on ARGV[2] (fingerprints,
# external checks); 'none': no filter.
# A URL already claimed, met at a depth that brings the links its page led to nearer, answers
# {2, their new depth, the links} (the worker requests them again: SiteSpider.met_again's rule);
# the links' depth is lowered by LOWER_FOLLOWED once they are queued, so a worker killed in
# between leaves it for the next one that meets the URL there.
CLAIM_PUSH = """
local mode = ARGV[1]
if mode == 'claim' then
  local d = tonumber(ARGV[8])
  local old = redis.call('HGET', KEYS[6], ARGV[7])
  if old and tonumber(old) > d then redis.call('HSET', KEYS[6], ARGV[7], d) end
  if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then
    local f = redis.call('HGET', KEYS[8], ARGV[7])
    if not f then return 0 end
    local links, step = string.match(f, '^(%d+):(%d+)$')
    if d + tonumber(step) >= tonumber(links) then return 0 end
    return {2, d + tonumber(step), redis.call('HGET', KEYS[9], ARGV[7])}
  end
  if ARGV[3] == '1' then
    if ARGV[4] ~= '' then
      if redis.call('SISMEMBER', KEYS[4], ARGV[4]) == 0 and redis.call('SCARD', KEYS[4]) >= tonumber(ARGV[6]) then
        return -1
      end
      redis.call('SADD', KEYS[4], ARGV[4])
    end
    if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[5]) then return -2 end
    redis.call('INCR', KEYS[3])
  end
  redis.call('SADD', KEYS[2], ARGV[2])
  redis.call('SADD', KEYS[5], ARGV[7])
  redis.call('HSET', KEYS[6], ARGV[7], d)
elseif mode == 'set' then
  if redis.call('SADD', KEYS[7], ARGV[2]) == 0 then return 0 end
end
redis.call('ZADD', KEYS[1], ARGV[9], ARGV[10])
return 1
"""
# A page's links, kept for CLAIM_PUSH before they are requested, at the smallest depth Redis has
# for the page (met nearer while it waited in the queue or was being fetched); answers that depth.
# Atomic with CLAIM_PUSH: a nearer meeting either finds the links kept here or lowers the depth
# this script reads.
# KEYS: depth per URL, depth of the links, the links; ARGV: page url, links' depth, step, links
FOLLOWED = """
local links = tonumber(ARGV[2])
local step = tonumber(ARGV[3])
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur and tonumber(cur) + step < links then links = tonumber(cur) + step end
redis.call('HSET', KEYS[2], ARGV[1], links .. ':' .. step)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
return links
"""
# The links of a page requested again at ARGV[2]: their depth lowered (never raised).
LOWER_FOLLOWED = """
local f = redis.call('HGET', KEYS[1], ARGV[1])
if not f then return 0 end
local links, step = string.match(f, '^(%d+):(%d+)$')
if tonumber(ARGV[2]) >= tonumber(links) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. step)
return 1
"""
# A politeness lease for one host: at most ARGV[1] at once, starts ARGV[2] s apart (Redis clock).
LEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return '0.05' end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < nxt then return tostring(nxt - now) end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
redis.call('SET', KEYS[2], tostring(now + tonumber(ARGV[2])), 'PX', math.floor(tonumber(ARGV[2]) * 1000) + 1000)
redis.call('PEXPIRE', KEYS[1], math.floor(tonumber(ARGV[4]) * 1000) + 1000)
return '0'
"""
# Sitemap lastmods (ARGV: url, lastmod, url, lastmod…) kept per URL, the newest one each is given.
# KEYS: lastmod per URL
NEWEST = """
for i = 1, #ARGV, 2 do
  local old = redis.call('HGET', KEYS[1], ARGV[i])
  if not old or ARGV[i + 1] > old then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
return 1
"""
# Nothing queued and nothing in flight: the site's crawl is over (checked in one step).
IDLE = """
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('HLEN', KEYS[2]) == 0 then return 1 end
return 0
"""
# The coordinator's lease: taken if free (SET NX), kept only by its holder.
RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0
"""


class SharedSite:
    """A worker's (or the coordinator's) view of one site's crawl state in Redis."""

    def __init__(self, server: redis.Redis, keys: Keys, k: str, worker_id: str = "coordinator"):
        self.server = server
        self.keys = keys
        self.k = k
        self.worker_id = worker_id
        self.outstanding: set[str] = set()  # in-flight tokens this worker has not acknowledged
        self._seq = 0
        self._pop = server.register_script(POP)
        self._claim_push = server.register_script(CLAIM_PUSH)
        self._lease = server.register_script(LEASE)
        self._followed = server.register_script(FOLLOWED)
        self._lower_followed = server.register_script(LOWER_FOLLOWED)
        self._newest = server.register_script(NEWEST)

    def key(self, name: str) -> str:
        return self.keys.of(self.k, name)

    def token(self) -> str:
        self._seq += 1
        return f"{self.worker_id}#{self._seq}"

    def pop(self) -> tuple[str, bytes] | None:
        token = self.token()
        data = self._pop(keys=[self.key("requests"), self.key("inflight")], args=[token])
        if data is None:
            return None
        self.outstanding.add(token)
        return token, data

    def ack(self, tokens: set[str]) -> None:
        if tokens:
            self.server.hdel(self.key("inflight"), *tokens)
            self.outstanding -= tokens

    def claim_push(
        self, mode: str, score: float, data: bytes, claim: dict[str, Any] | None = None
    ) -> tuple[int, tuple[int, bytes] | None]:
        """Enqueue ``data`` if its claim holds (see CLAIM_PUSH): 1 when queued, else 0, -1 or -2;
        and, for a URL already claimed met nearer, the links its page led to with their new depth."""
        c = claim or {}
        variant = "v:" + c.get("variant_key", "")
        keys = [self.key(n) for n in ("requests", "seen", "pages", variant, "expect", "depth")]
        keys.append(self.key("checked" if c.get("check") else "dupefilter"))
        keys += [self.key("followed_depth"), self.key("followed")]
        args = [
            mode, c.get("url", ""), "1" if c.get("page") else "0", c.get("query", ""), c.get("max_pages", 0),
            c.get("max_variants", 0), c.get("request_url", ""), c.get("depth", 0), score, data,
        ]  # fmt: skip
        answer = self._claim_push(keys=keys, args=args)
        if isinstance(answer, list):  # the links are kept with their depth: None only if Redis lost them
            return 0, ((int(answer[1]), answer[2]) if len(answer) > 2 and answer[2] else None)
        return int(answer), None

    def followed(self, url: str, depth: int, step: int, links: bytes) -> int:
        """Keep the links a page led to (see FOLLOWED); the depth to request them at."""
        keys = [self.key("depth"), self.key("followed_depth"), self.key("followed")]
        return int(self._followed(keys=keys, args=[url, depth, step, links]))

    def keep_lastmods(self, lastmods: list[tuple[str, str]]) -> None:
        """Keep sitemap lastmods (url, lastmod) in Redis, the newest per URL (NEWEST), for the coordinator."""
        for i in range(0, len(lastmods), 500):
            args = [value for pair in lastmods[i : i + 500] for value in pair]
            self._newest(keys=[self.key("lastmod")], args=args)

    def lower_followed(self, url: str, depth: int) -> None:
        """The links of ``url`` were requested again at ``depth`` (see LOWER_FOLLOWED)."""
        self._lower_followed(keys=[self.key("followed_depth")], args=[url, depth])

    def lease(self, host: str, token: str, concurrency: int, delay: float, ttl: float) -> float:
        wait = self._lease(
            keys=[self.keys.lease(host), self.keys.next_start(host)], args=[concurrency, delay, token, ttl]
        )
        return float(wait)

    def release(self, host: str, token: str) -> None:
        self.server.zrem(self.keys.lease(host), token)


URL_SCHEMES = ("redis://", "rediss://", "unix://")


def check_url(redis_url: str) -> None:
    """A Spanish command error (exit 2) unless the address is a Redis URL."""
    if not redis_url.startswith(URL_SCHEMES):
        raise CommandError(
            f"'{redis_url}' no es una dirección de Redis: use redis://equipo:6379/0, rediss://… (con TLS) "
            "o unix:///ruta/redis.sock",
            EXIT_CONFIG,
        )


def connect(redis_url: str, outage: float = 0) -> redis.Redis:
    """A Redis client that retries each command with backoff for about ``outage`` seconds.

    Raises CommandError: exit 2 for an address that is not a Redis URL, exit 1 with a sentence a
    person understands when the server does not answer now.
    """
    check_url(redis_url)
    cap = 2.0
    retry = Retry(ExponentialBackoff(cap=cap, base=0.1), retries=max(0, int(outage / cap) + 3) if outage else 0)
    try:
        server = redis.Redis.from_url(
            redis_url, socket_connect_timeout=5, socket_timeout=30, health_check_interval=30, retry=retry,
            retry_on_error=[redis.ConnectionError, redis.TimeoutError],
        )  # fmt: skip
        server.ping()
    except (redis.RedisError, ValueError) as exc:
        raise CommandError(f"No se pudo conectar con Redis en {redis_url}: {exc}", EXIT_ERROR) from None
    return server
