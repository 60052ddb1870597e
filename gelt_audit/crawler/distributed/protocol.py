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

from gelt_audit.crawler.items import ITEM_TYPES
from gelt_audit.markup import Link

NAMESPACE = "gelt"
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
    """Every Redis key of one namespace (so two portfolios can share a Redis server)."""

    def __init__(self, ns: str = NAMESPACE):
        self.ns = ns
        self.active = f"{ns}:active"  # set of crawl keys being crawled
        self.results = f"{ns}:results"  # list of JSON results for the coordinator
        self.linkcache = f"{ns}:linkcache"  # hash url -> JSON of the last external check
        self.requeued = f"{ns}:stats:requeued"

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


# Pop the best request and record it as in flight, atomically: never in neither place.
POP = """
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
# The site's crawl rules, shared: seen URLs, query variants per path, page budget.
CLAIM = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
if ARGV[2] == '1' then
  if ARGV[3] ~= '' then
    if redis.call('SISMEMBER', KEYS[3], ARGV[3]) == 0 and redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[5]) then
      return -1
    end
    redis.call('SADD', KEYS[3], ARGV[3])
  end
  if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[4]) then return -2 end
  redis.call('INCR', KEYS[2])
end
redis.call('SADD', KEYS[1], ARGV[1])
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
# Nothing queued and nothing in flight: the site's crawl is over (checked in one step).
IDLE = """
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('HLEN', KEYS[2]) == 0 then return 1 end
return 0
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
        self._claim = server.register_script(CLAIM)
        self._lease = server.register_script(LEASE)

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

    def claim(self, url: str, page: bool, query: str, variant_key: str, max_pages: int, max_variants: int) -> int:
        return int(
            self._claim(
                keys=[self.key("seen"), self.key("pages"), self.key("v:" + variant_key)],
                args=[url, "1" if page else "0", query, max_pages, max_variants],
            )
        )

    def lease(self, host: str, token: str, concurrency: int, delay: float, ttl: float) -> float:
        wait = self._lease(
            keys=[self.keys.lease(host), self.keys.next_start(host)], args=[concurrency, delay, token, ttl]
        )
        return float(wait)

    def release(self, host: str, token: str) -> None:
        self.server.zrem(self.keys.lease(host), token)


def connect(redis_url: str) -> redis.Redis:
    """A Redis client, or a ConnectionError with a sentence a person understands."""
    server = redis.Redis.from_url(redis_url, socket_connect_timeout=10, health_check_interval=30)
    try:
        server.ping()
    except redis.RedisError as exc:
        raise ConnectionError(f"No se pudo conectar con Redis en {redis_url}: {exc}") from None
    return server
