-- wrk: ask for device codes and append each device_code to the file in env OUT. BODY: the form body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = os.getenv("BODY") or error("set BODY")
local out = io.open(os.getenv("OUT") or error("set OUT"), "a")
response = function(status, headers, body)
  local code = body:match('"device_code"%s*:%s*"([^"]*)"')
  if code then out:write(code, "\n") end
end
done = function() out:flush() end
