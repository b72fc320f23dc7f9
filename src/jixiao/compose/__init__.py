"""What a unit files: the fill-in workbook, the Report built from it, the Word report and its forms."""
