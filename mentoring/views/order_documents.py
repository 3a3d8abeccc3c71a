"""The PDF of a signed order is rendered in the background right after the signature: its progress on the order
page (polled by htmx every second until the PDF is stored with its SHA-256, or its attempts have failed)."""

from django.shortcuts import get_object_or_404, render

from accounts.decorators import member_required
from mentoring.selectors import orders_for


@member_required
def order_pdf_status(request, pk):
    order = get_object_or_404(orders_for(request), pk=pk)
    return render(request, "mentoring/orders/_pdf_status.html", {"order": order})
