-- POST one ballot per request, each with its own voting code (read from $CODES_FILE).
-- wrk runs this script in every thread; thread k takes codes k, k+T, k+2T, ...
local codes = {}
for line in io.lines(os.getenv("CODES_FILE")) do codes[#codes + 1] = line end

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local sent = 0
local stride = tonumber(os.getenv("WRK_THREADS") or "2")
function request()
  local code = codes[sent * stride + id + 1]
  sent = sent + 1
  local choice = ({"a", "b", "c"})[(sent % 3) + 1]
  local body = '{"code": "' .. code .. '", "choices": ["' .. choice .. '"]}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
