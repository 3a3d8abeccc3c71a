"""Documents of the monitoring: printed invitations with a QR code, the results as a spreadsheet."""
