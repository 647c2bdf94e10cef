from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from connective_site.health import run_checks


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, services = run_checks()
    body = {
        "status": "ok" if healthy else "down",
        "down": [name for name, result in services.items() if result["status"] != "ok"],
        "services": services,
    }
    return JsonResponse(body, status=200 if healthy else 503)
