-- wrk script: token polls (grant_type=device_code) for a pool of pending device codes,
-- round robin. One device_code per line in the file named by env CODES
-- (bench/side-by-side.sh makes one).
--   CODES=/tmp/kc-codes.txt wrk -t1 -c32 -d5s -s pending-polls.lua \
--       http://localhost:18180/realms/bench/protocol/openid-connect/token
-- wrk runs one Lua state per thread; each thread walks the whole pool with its
-- own counter (with -t1 there is exactly one round robin).
-- TOO_EARLY=P sends P percent of the polls (every (100/P)th) to the pool's first 32 codes, polled again and again
-- long before their interval: each of those is answered slow_down.
-- COUNT_ANSWERS=1 also counts the answers ("<status> <error or access_token>") and
-- prints them at the end; this adds a response() callback, so leave it off for
-- the throughput figure.
local path = os.getenv("CODES") or error("set CODES to a file of device codes, one a line")
local client_id = os.getenv("CLIENT_ID") or error("set CLIENT_ID")

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local bodies = {}
for line in io.lines(path) do
  line = line:gsub("%s+$", "")
  if line ~= "" then
    bodies[#bodies + 1] = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"
      .. "&client_id=" .. urlencode(client_id)
      .. "&device_code=" .. urlencode(line)
  end
end
if #bodies == 0 then error("no device codes in " .. path) end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local every = tonumber(os.getenv("TOO_EARLY") or "0") > 0 and math.floor(100 / tonumber(os.getenv("TOO_EARLY")) + 0.5) or 0
local hot = math.min(32, #bodies)

counter = 0
polls = 0
request = function()
  polls = polls + 1
  if every > 0 and polls % every == 0 then
    return wrk.format(nil, nil, nil, bodies[polls % hot + 1])
  end
  counter = counter % (#bodies - hot) + 1
  return wrk.format(nil, nil, nil, bodies[hot + counter])
end

if os.getenv("COUNT_ANSWERS") == "1" then
  local threads = {}
  setup = function(thread) table.insert(threads, thread) end

  answers = {}
  response = function(status, headers, body)
    local what = body:match('"error"%s*:%s*"([^"]*)"')
      or (body:find('"access_token"', 1, true) and "access_token")
      or "other"
    local key = status .. " " .. what
    answers[key] = (answers[key] or 0) + 1
  end

  done = function(summary, latency, requests)
    local total = {}
    for _, t in ipairs(threads) do
      for k, v in pairs(t:get("answers")) do total[k] = (total[k] or 0) + v end
    end
    io.write(string.format("pool size: %d device codes\nanswers:\n", #bodies))
    for k, v in pairs(total) do io.write(string.format("  %-40s %d\n", k, v)) end
  end
end
