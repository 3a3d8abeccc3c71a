"""Which orders an actor sees."""

from accounts.rules import is_staff


def orders_for(actor):
    """All orders for the administration; for anyone else only the signed orders that name them."""
    orders = actor.organization.orders.all()
    if is_staff(actor):
        return orders
    person = actor.person
    if person is None:
        return orders.none()
    return orders.filter(status="approved", acknowledgements__person=person).distinct()
