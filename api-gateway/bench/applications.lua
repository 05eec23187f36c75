-- wrk script for the gateway's application routes (see wrk-applications.sh).
-- Environment: TOKEN (bearer), ROUTE=list|get, APP_PREFIX, APPS and APP_STEP (GET picks
-- <prefix><n> with n a multiple of APP_STEP below APPS),
-- GZIP=1 (ask for gzipped answers, as browsers do), PACE_MS (each connection waits a random 0..2*PACE_MS ms between requests; 0 = as fast as it can).
local token = os.getenv("TOKEN")
local route = os.getenv("ROUTE") or "get"
local prefix = os.getenv("APP_PREFIX") or "app-"
local apps = tonumber(os.getenv("APPS") or "1000")
local step = tonumber(os.getenv("APP_STEP") or "1")
local pace = tonumber(os.getenv("PACE_MS") or "0")
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
if os.getenv("GZIP") == "1" then
  wrk.headers["Accept-Encoding"] = "gzip"
end

request = function()
  if route == "list" then
    return wrk.format("GET", "/api/v1/applications")
  end
  return wrk.format("GET", "/api/v1/applications/" .. prefix .. step * math.random(0, math.floor(apps / step) - 1))
end

delay = function()
  if pace > 0 then
    return math.random(0, 2 * pace)
  end
  return 0
end

response = function(status)
  if status ~= 200 then
    print("unexpected status " .. status)
  end
end
