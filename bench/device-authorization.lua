-- wrk script: every request asks for a new device code (the heaviest device-side call: two HMACs, one INSERT)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "client_id=demo-console&device_name=Bench%20console&device_model=wrk"
