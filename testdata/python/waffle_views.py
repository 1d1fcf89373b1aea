"""django-waffle decorators and mixins: evaluations that control what they decorate."""
from django.views import View
from waffle import flag_is_active, switch_is_active
from waffle.decorators import waffle_flag, waffle_switch
from waffle.mixins import WaffleFlagMixin, WaffleSwitchMixin


@waffle_flag("dashboard")
def dashboard(request):
    if flag_is_active(request, "dashboard-widgets"):
        if switch_is_active("dashboard-widgets-live"):  # expect: nested-flag
            refresh()
    return render(request)


@waffle_switch("exports", redirect_to="home")
@waffle_flag("exports-beta")
def exports(request):
    if flag_is_active(request, "exports-csv"):  # expect: nested-flag
        export()


def undecorated(request):
    if flag_is_active(request, "plain"):
        if switch_is_active("plain-inner"):
            pass


class AuditView(WaffleFlagMixin, View):
    waffle_flag = "audit-log"

    def get(self, request):
        if flag_is_active(request, "audit-log-export"):
            if switch_is_active("audit-log-export-pdf"):  # expect: nested-flag
                export()


class MaintenanceView(WaffleSwitchMixin, View):
    waffle_switch = "maintenance"

    def get(self, request):
        if flag_is_active(request, "maintenance-banner"):
            show()


class Unrelated:
    def get(self, request):
        if flag_is_active(request, "unrelated"):
            if switch_is_active("unrelated-inner"):
                pass
