-- wrk script: POST the file named by BODY (binary-safe), with the binary tensor extension's header when
-- HEADER_LENGTH is set. Usage: BODY=file [HEADER_LENGTH=n] PATH_=/v2/models/m/infer wrk -s post-file.lua URL
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.path = os.getenv("PATH_") or "/"
local header_length = os.getenv("HEADER_LENGTH")
if header_length then
  wrk.headers["Inference-Header-Content-Length"] = header_length
  wrk.headers["Content-Type"] = "application/octet-stream"
elseif string.sub(wrk.path, -6) == "/infer" then
  wrk.headers["Content-Type"] = "application/json"
else
  wrk.headers["Content-Type"] = "application/octet-stream"
end
