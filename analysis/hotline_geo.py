"""Plane km of a Hotline trace back to latitude and longitude.

A trace's positions (events' x_km, y_km; sampled states; zones and bases) are
km east and north of the scenario's frame centre, on the azimuthal equidistant
projection of the WGS 84 ellipsoid's conformal sphere (docs/model.md). The
file's /projection group holds the parameters; `to_lat_lon` inverts the
projection with them (numpy arrays or plain numbers), to about a micrometre of
what the simulation used.

    import h5py, hotline_geo
    with h5py.File("run.h5") as f:
        projection = hotline_geo.Projection.from_file(f)
        events = f["events"][:]
        lat, lon = projection.to_lat_lon(events["x_km"], events["y_km"])
"""

import numpy as np


class Projection:
    def __init__(self, centre_lat_deg, centre_lon_deg, flattening, sphere_radius_km,
                 sphere_centre_lat_rad, longitude_factor, isometric_offset):
        self.centre_lat_deg = centre_lat_deg
        self.centre_lon_deg = centre_lon_deg
        self.e = np.sqrt(flattening * (2.0 - flattening))
        self.radius = sphere_radius_km
        self.chi0 = sphere_centre_lat_rad
        self.c = longitude_factor
        self.k = isometric_offset

    @classmethod
    def from_file(cls, h5file):
        a = h5file["projection"].attrs
        return cls(float(a["centre_lat_deg"]), float(a["centre_lon_deg"]),
                   float(a["ellipsoid_flattening"]), float(a["sphere_radius_km"]),
                   float(a["sphere_centre_lat_rad"]), float(a["longitude_factor"]),
                   float(a["isometric_offset"]))

    def to_lat_lon(self, x_km, y_km):
        """Latitude and longitude in degrees of plane points (km)."""
        x = np.asarray(x_km, dtype=float)
        y = np.asarray(y_km, dtype=float)
        rho = np.hypot(x, y)
        c = rho / self.radius
        safe = np.where(rho > 0.0, rho, 1.0)
        sin_chi = np.cos(c) * np.sin(self.chi0) + y * np.sin(c) * np.cos(self.chi0) / safe
        sin_chi = np.where(rho > 0.0, np.clip(sin_chi, -1.0, 1.0), np.sin(self.chi0))
        lam = np.arctan2(x * np.sin(c),
                         rho * np.cos(self.chi0) * np.cos(c) - y * np.sin(self.chi0) * np.sin(c))
        # Back from the sphere's isometric latitude to the ellipsoid's: Newton
        # on psi(phi) = atanh(sin phi) - e atanh(e sin phi).
        psi = (np.arctanh(sin_chi) - self.k) / self.c
        phi = np.arctan(np.sinh(psi))
        for _ in range(5):
            s = np.sin(phi)
            f = np.arctanh(s) - self.e * np.arctanh(self.e * s) - psi
            slope = (1.0 - self.e ** 2) / ((1.0 - self.e ** 2 * s * s) * np.cos(phi))
            phi = phi - f / slope
        lat = np.degrees(phi)
        lon = self.centre_lon_deg + np.degrees(lam) / self.c
        return lat, lon
