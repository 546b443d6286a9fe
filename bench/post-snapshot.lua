-- wrk script: POST one request body, the same for every request, with a JSON content type.
--
-- The body comes from the file named by the environment variable WRK_BODY_FILE, or from the first
-- script argument (wrk ... URL -- path/to/body.json); the argument wins when both are given.
-- WRK_CONTENT_TYPE overrides the content type (default application/json).
--
--   WRK_BODY_FILE=examples/2025-10-article.json \
--     wrk -t2 -c32 -d30s --latency -s bench/post-snapshot.lua http://127.0.0.1:18080/verdicts
--
-- No response() callback: wrk then does not hand every response to Lua, which would cost
-- throughput. wrk itself reports "Non-2xx or 3xx responses: N" when any response was not 2xx/3xx.

local function read_body(path)
   local file, err = io.open(path, "rb")
   if not file then
      error("post-snapshot.lua: cannot read the body file '" .. tostring(path) .. "': " .. tostring(err))
   end
   local body = file:read("*a")
   file:close()
   if body == nil or #body == 0 then
      error("post-snapshot.lua: the body file '" .. path .. "' is empty")
   end
   return body
end

wrk.method = "POST"
wrk.headers["Content-Type"] = os.getenv("WRK_CONTENT_TYPE") or "application/json"

local env_path = os.getenv("WRK_BODY_FILE")
if env_path ~= nil and env_path ~= "" then
   wrk.body = read_body(env_path)
end

-- Called once per thread before its requests are built (wrk.format() runs after init).
function init(args)
   if args ~= nil and args[1] ~= nil and args[1] ~= "" then
      wrk.body = read_body(args[1])
   end
   if wrk.body == nil or #wrk.body == 0 then
      error("post-snapshot.lua: no body; set WRK_BODY_FILE or pass the file after '--'")
   end
end
