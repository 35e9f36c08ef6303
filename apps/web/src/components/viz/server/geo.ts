/**
 * The offline world map: Natural Earth country shapes (world-atlas, 1:110m) projected with d3-geo on the server.
 * Only SVG path strings and projected coordinates reach the browser; d3 and the TopoJSON never do.
 */
import { geoGraticule, geoNaturalEarth1, geoPath, type ExtendedFeature, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json" with { type: "json" };

export type MapMode = "world" | "fit" | "region";

/** Fixed frames offered next to "fit" and "world": [west, south, east, north] in degrees. */
export const REGIONS = {
  mideast: { label: "Middle East", bbox: [24, 10, 66, 44] as [number, number, number, number] },
} as const;
export type RegionId = keyof typeof REGIONS;

export interface MapPoint {
  lat: number;
  lon: number;
}

export interface BaseMap {
  width: number;
  height: number;
  mode: MapMode;
  /** Ocean/outline of the globe (world mode) or the frame (fit mode). */
  sphere: string;
  graticule: string;
  countries: { id: string; name: string; d: string }[];
  /** Country borders as one mesh path (drawn once, not per country). */
  borders: string;
  /** Projects lon/lat to SVG coordinates; null when the point falls outside the frame. */
  project: (lon: number, lat: number) => [number, number] | null;
}

type Topology = Parameters<typeof mesh>[0];
type TopoObject = Parameters<typeof mesh>[1];
interface CountryFeature extends ExtendedFeature {
  id?: string | number;
  properties: { name?: string };
}
const topology = world as unknown as Topology & { objects: { countries: TopoObject } };
const toFeatures = feature as unknown as (t: Topology, o: TopoObject) => { features: CountryFeature[] };
let countryFeatures: CountryFeature[] | null = null;
function countriesGeo(): CountryFeature[] {
  return (countryFeatures ??= toFeatures(topology, topology.objects.countries).features);
}

/** A multipoint feature (d3-geo only needs its coordinates to fit the projection). */
export interface FitTarget {
  type: "Feature";
  properties: Record<string, never>;
  geometry: { type: "MultiPoint"; coordinates: [number, number][] };
}

const WIDTH = 960;
const HEIGHT = 500;
const worldCache: { map?: BaseMap } = {};
/** Fitted and regional frames by their bounding box, oldest dropped first. */
const frameCache = new Map<string, BaseMap>();
const FRAME_CACHE_SIZE = 32;

function bboxTarget(w: number, s: number, e: number, n: number): FitTarget {
  const coords: [number, number][] = [];
  for (let i = 0; i <= 8; i++) {
    const lon = w + ((e - w) * i) / 8;
    const lat = s + ((n - s) * i) / 8;
    coords.push([lon, s], [lon, n], [w, lat], [e, lat]);
  }
  return { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: coords } };
}

/** Bounding box of the points, padded and widened to a minimum span, as a multipoint to fit the projection to. */
export function fitTarget(points: MapPoint[]): FitTarget | null {
  if (points.length === 0) return null;
  let [w, e, s, n] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  const padLon = Math.max(6, (e - w) * 0.12);
  const padLat = Math.max(5, (n - s) * 0.12);
  [w, e, s, n] = [w - padLon, e + padLon, s - padLat, n + padLat];
  const minLon = 36;
  const minLat = 22;
  if (e - w < minLon) [w, e] = [(w + e) / 2 - minLon / 2, (w + e) / 2 + minLon / 2];
  if (n - s < minLat) [s, n] = [(s + n) / 2 - minLat / 2, (s + n) / 2 + minLat / 2];
  [w, e, s, n] = [Math.max(-180, w), Math.min(180, e), Math.max(-85, s), Math.min(85, n)];
  return bboxTarget(w, s, e, n);
}

function build(projection: GeoProjection, mode: MapMode): BaseMap {
  projection.clipExtent([
    [0, 0],
    [WIDTH, HEIGHT],
  ]);
  const path = geoPath(projection).digits(1);
  const countries = countriesGeo()
    .map((f, i) => ({ id: String(f.id ?? i), name: f.properties?.name ?? "", d: path(f) ?? "" }))
    .filter((c) => c.d !== "");
  const borders = path(mesh(topology, topology.objects.countries, (a, b) => a !== b) as GeoPermissibleObjects) ?? "";
  const sphere = mode === "world" ? (path({ type: "Sphere" }) ?? "") : `M0,0H${WIDTH}V${HEIGHT}H0Z`;
  return {
    width: WIDTH,
    height: HEIGHT,
    mode,
    sphere,
    graticule: path(geoGraticule().step([30, 30])()) ?? "",
    countries,
    borders,
    project(lon, lat) {
      const xy = projection([lon, lat]);
      if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return null;
      if (xy[0] < 0 || xy[0] > WIDTH || xy[1] < 0 || xy[1] > HEIGHT) return null;
      return [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10];
    },
  };
}

/**
 * The base map. `world`: the whole globe (cached). `fit`: zoomed to the points' bounding box (at least ~36° × 22°),
 * so places that are close together do not collapse into one dot. `region`: a fixed frame (the Middle East), where
 * Tehran, Isfahan and Natanz are told apart; places outside it are listed under the map.
 */
export function baseMap(mode: MapMode, points: MapPoint[] = [], region: RegionId = "mideast"): BaseMap {
  const target = mode === "fit" ? fitTarget(points) : mode === "region" ? bboxTarget(...REGIONS[region].bbox) : null;
  if (!target) {
    return (worldCache.map ??= build(
      geoNaturalEarth1().fitExtent(
        [
          [4, 4],
          [WIDTH - 4, HEIGHT - 4],
        ],
        { type: "Sphere" },
      ),
      "world",
    ));
  }
  const lons = target.geometry.coordinates.map((c) => c[0]!);
  const lats = target.geometry.coordinates.map((c) => c[1]!);
  // Projecting every country costs 60–200 ms; the frame only changes with the data, so a few frames are kept.
  const key = `${mode}:${[Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].map((x) => x.toFixed(3)).join(",")}`;
  const cached = frameCache.get(key);
  if (cached) return cached;
  const centre = (Math.min(...lons) + Math.max(...lons)) / 2;
  const projection = geoNaturalEarth1()
    .rotate([-centre, 0])
    .fitExtent(
      [
        [16, 16],
        [WIDTH - 16, HEIGHT - 16],
      ],
      target as unknown as GeoPermissibleObjects,
    );
  const map = build(projection, mode);
  if (frameCache.size >= FRAME_CACHE_SIZE) frameCache.delete(frameCache.keys().next().value!);
  frameCache.set(key, map);
  return map;
}
