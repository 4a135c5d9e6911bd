-- wrk script: devices polling /oauth2/token with one pending device code (read + conditional UPDATE per poll);
-- most answers are slow_down, which is still the full cost of a poll
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=urn:ietf:params:oauth:grant-type:device_code&client_id=demo-console&device_code=" .. os.getenv("DEVICE_CODE")
