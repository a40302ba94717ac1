-- POST one ballot per request, each with its own voting code (read from $CODES_FILE), and
-- write the tracker of every accepted ballot (201) to $ACCEPTED_DIR/thread-<k>.txt, so that the
-- benchmark can reconcile the ballot box with the accepted answers; any other answer is written
-- as refused:<status>.
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
local accepted = nil

function init(args)
  accepted = io.open(os.getenv("ACCEPTED_DIR") .. "/thread-" .. id .. ".txt", "a")
end

function request()
  local code = codes[sent * stride + id + 1]
  sent = sent + 1
  local choice = ({"a", "b", "c"})[(sent % 3) + 1]
  local body = '{"code": "' .. code .. '", "choices": ["' .. choice .. '"]}'
  local headers = {["Content-Type"] = "application/json"}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status == 201 then
    local tracker = string.match(body, '"tracker"%s*:%s*"([^"]+)"')
    accepted:write((tracker or "?") .. "\n")
  else
    -- any other answer (also a redirect, which wrk counts as success) fails the benchmark
    accepted:write("refused:" .. status .. "\n")
  end
  accepted:flush()
end
