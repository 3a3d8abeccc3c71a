"""Forms per area: they validate and normalise input; the services (mentoring.services) write."""
