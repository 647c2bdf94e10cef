"""Demo content for the embedded mode, the browser tests and anyone trying the platform.

The content is data (`demo/data/*.yaml`); the modules here load it through the actions and
page-publishing code the site itself uses. This app sits at the top of the layering with
`connective_site`: it may import every app, and no app imports it.
"""
