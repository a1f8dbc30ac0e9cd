"""The HTML flow the EPUB and the web edition share: the book laid out as files of HTML, rendered alike.

``plan`` divides the book into files and knows which file holds every element id (``walk`` lists the ids
the templates write, in their order); ``flow`` cuts nested links; ``links`` turns targets into hrefs;
``pages`` and ``page_markers`` place the print page markers; ``language`` gives the writing direction;
``markup_templates`` is the Jinja environment both writers' templates run in. What is one format's own
(the EPUB's package and zip, the site's pages and search) stays in that writer's package.
"""
