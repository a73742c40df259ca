-- wrk script for bench/writes.sh: a front end's read mix, in equal shares (taken in turn):
--   post      GET /api/v1/posts/{slug}
--   comments  GET /api/v1/posts/{slug}/comments            (the tree's first page)
--   list      GET /api/v1/posts?include=author,categories,tags
--   tree      GET /api/v1/categories?view=tree
-- A slug is one of the 20 newest posts half of the time (a front page's readers), otherwise
-- uniform over bench-wxr-0 .. bench-wxr-(N-1).
--
--   wrk ... -s bench/mix.lua http://127.0.0.1:18080 -- N newest-slug-1 ... newest-slug-20
-- Prints one line: RESULT {json} with the totals, the latency percentiles and the requests per kind.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local kinds = { "post", "comments", "list", "tree" }
local newest = {}
local posts = 0
local turn = 0
local LIST = "/api/v1/posts?include=author,categories,tags"
local TREE = "/api/v1/categories?view=tree"

function init(args)
  posts = tonumber(args[1]) or 0
  for i = 2, #args do newest[#newest + 1] = args[i] end
  assert(posts > 0 and #newest > 0, "mix.lua needs: -- N slug [slug ...]")
  math.randomseed(os.time() * 131 + (tid or 0) * 7919)
  sent_post, sent_comments, sent_list, sent_tree = 0, 0, 0, 0
end

local function slug()
  if math.random() < 0.5 then
    return newest[math.random(#newest)]
  end
  return "bench-wxr-" .. math.random(0, posts - 1)
end

function request()
  turn = turn % 4 + 1
  local kind = kinds[turn]
  if kind == "post" then
    sent_post = sent_post + 1
    return wrk.format("GET", "/api/v1/posts/" .. slug())
  elseif kind == "comments" then
    sent_comments = sent_comments + 1
    return wrk.format("GET", "/api/v1/posts/" .. slug() .. "/comments")
  elseif kind == "list" then
    sent_list = sent_list + 1
    return wrk.format("GET", LIST)
  end
  sent_tree = sent_tree + 1
  return wrk.format("GET", TREE)
end

function done(summary, latency, requests)
  local k = { post = 0, comments = 0, list = 0, tree = 0 }
  for _, t in ipairs(threads) do
    k.post = k.post + (t:get("sent_post") or 0)
    k.comments = k.comments + (t:get("sent_comments") or 0)
    k.list = k.list + (t:get("sent_list") or 0)
    k.tree = k.tree + (t:get("sent_tree") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50ms":%.2f,"p90ms":%.2f,"p99ms":%.2f,"maxms":%.2f,'
      .. '"statusErrors":%d,"socketErrors":%d,"bytes":%d,"sent":{"post":%d,"comments":%d,"list":%d,"tree":%d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout, summary.bytes,
    k.post, k.comments, k.list, k.tree))
end
