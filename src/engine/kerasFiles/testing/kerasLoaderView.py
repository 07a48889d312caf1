"""What Keras's loaders read from a model file, as JSON (for kerasExport.test.ts).

Follows, step for step, what keras.models.load_model reads: for an .h5,
keras/src/legacy/saving/legacy_h5_format.py (load_model_from_hdf5,
load_weights_from_hdf5_group: the root's model_config, then model_weights'
layer_names and each listed layer's weight_names and datasets, paired by
position); for a .keras, keras/src/saving/saving_lib.py (config.json, then
model.weights.h5 at layers/<class in snake case>[_n]/vars/<i>). Prints the
h5py type of every attribute it reads, and each weight's dtype, shape and
values, so that the test can hold them to Keras's layout and Convscope's
weights. Run: /usr/bin/python3 kerasLoaderView.py FILE
"""
import io
import json
import re
import sys
import zipfile

import h5py
import numpy as np


def kind(value, dtype=None):
    """The h5py type of an attribute, as Keras's own files have them."""
    if isinstance(value, bytes):
        return "fixed-bytes"
    if isinstance(value, str):
        return "str"
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "S":
            return "fixed-bytes-array"
        if value.dtype.kind == "O":
            info = h5py.check_string_dtype(dtype) if dtype is not None else None
            return f"vlen-{info.encoding}-array" if info else "object-array"
        return f"{value.dtype.str}-array{list(value.shape)}"
    return type(value).__name__


def attr(obj, name):
    value = obj.attrs[name]
    dtype = obj.attrs.get_id(name).dtype
    info = h5py.check_string_dtype(dtype)
    if isinstance(value, str) and info is not None:
        return value, f"vlen-{info.encoding}"
    return value, kind(value, dtype)


def text(value):
    return value.decode("utf8") if hasattr(value, "decode") else value


def weight(ds):
    a = np.asarray(ds)
    return {"dtype": a.dtype.str, "shape": list(a.shape), "values": a.astype(np.float64).ravel().tolist()}


def view_h5(path):
    with h5py.File(path, "r") as f:
        out = {"attrs": {}}
        for name in ("keras_version", "backend", "model_config"):
            value, k = attr(f, name)
            out["attrs"][name] = k
        out["model_config"] = json.loads(text(f.attrs["model_config"]))
        g = f["model_weights"]
        for name in ("layer_names", "backend", "keras_version"):
            out["attrs"][f"model_weights/{name}"] = attr(g, name)[1]
        names = [text(n) for n in g.attrs["layer_names"]]
        layers = []
        for name in names:
            lg = g[name]  # Keras: a listed layer without its group is a KeyError
            value, k = attr(lg, "weight_names")
            weight_names = [text(n) for n in value]
            layers.append({"name": name, "weight_names_type": k, "weight_names": weight_names, "weights": [weight(lg[w]) for w in weight_names]})
        out["layers"] = layers
        out["top_level_model_weights"] = attr(g["top_level_model_weights"], "weight_names")[1] if "top_level_model_weights" in g else None
        return out


def snake(name):
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def view_keras(path):
    with zipfile.ZipFile(path) as z:
        out = {"members": z.namelist(), "compressed": [i.compress_type for i in z.infolist()]}
        config = json.loads(z.read("config.json"))
        out["metadata"] = json.loads(z.read("metadata.json"))
        out["config"] = config
        layers = [l for l in config["config"]["layers"] if not (config["class_name"] == "Sequential" and l["class_name"] == "InputLayer")]
        seen = {}
        with h5py.File(io.BytesIO(z.read("model.weights.h5")), "r") as f:
            out["root"] = sorted(f.keys())
            views = []
            for layer in layers:
                base = snake(layer["class_name"])
                n = seen.get(base, 0)
                seen[base] = n + 1
                path_ = f"layers/{base}" + (f"_{n}" if n else "")
                vars_ = f[path_]["vars"] if path_ in f and "vars" in f[path_] else None
                keys = sorted(vars_.keys(), key=int) if vars_ is not None else []
                views.append({"path": path_, "name": layer["config"]["name"], "has_vars": vars_ is not None, "weights": [weight(vars_[k]) for k in keys]})
            out["layers"] = views
        return out


if __name__ == "__main__":
    file = sys.argv[1]
    print(json.dumps(view_keras(file) if file.endswith(".keras") else view_h5(file)))
