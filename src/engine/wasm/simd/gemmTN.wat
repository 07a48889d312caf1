;; C[k×n] = Aᵀ·B = Σ over m of A[m×k]ᵀ · B[m×n], all f32, row-major, n a multiple of 4:
;; the filter gradient of a convolution over its patches (A: x's patches, B: dy).
;; Every address is a byte offset into tfjs-backend-wasm's own heap.
;;
;; B is read in blocks of 128 rows, which stay in cache while every row of C
;; takes its sums from them; C's row k collects, 16 (then 4) columns at a time in
;; registers, A[m][k] × B[m][·] for the block's rows. No packing of either input,
;; which is what XNNPACK spends most of its time on when m is large and k small.
(module
  (import "env" "memory" (memory 1))
  (func (export "gemmTN")
    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32)
    (local $nb4 i32) (local $kb4 i32) (local $i i32) (local $m0 i32) (local $mEnd i32) (local $kk i32)
    (local $col i32) (local $mm i32) (local $ap i32) (local $bp i32) (local $cp i32)
    (local $s v128) (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local.set $nb4 (i32.shl (local.get $n) (i32.const 2)))
    (local.set $kb4 (i32.shl (local.get $k) (i32.const 2)))
    ;; C = 0
    (local.set $i (i32.const 0))
    (block $zDone (loop $zLoop
      (br_if $zDone (i32.ge_u (local.get $i) (i32.mul (local.get $k) (local.get $nb4))))
      (v128.store (i32.add (local.get $c) (local.get $i)) (v128.const i32x4 0 0 0 0))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $zLoop)))
    (local.set $m0 (i32.const 0))
    (block $mDone (loop $mLoop
      (br_if $mDone (i32.ge_u (local.get $m0) (local.get $m)))
      (local.set $mEnd (i32.add (local.get $m0) (i32.const 128)))
      (if (i32.gt_u (local.get $mEnd) (local.get $m)) (then (local.set $mEnd (local.get $m))))
      (local.set $kk (i32.const 0))
      (block $kDone (loop $kLoop
        (br_if $kDone (i32.ge_u (local.get $kk) (local.get $k)))
        (local.set $col (i32.const 0))
        ;; 16 columns at a time
        (block $c16Done (loop $c16Loop
          (br_if $c16Done (i32.gt_u (i32.add (local.get $col) (i32.const 64)) (local.get $nb4)))
          (local.set $cp (i32.add (local.get $c) (i32.add (i32.mul (local.get $kk) (local.get $nb4)) (local.get $col))))
          (local.set $acc0 (v128.load offset=0 (local.get $cp)))
          (local.set $acc1 (v128.load offset=16 (local.get $cp)))
          (local.set $acc2 (v128.load offset=32 (local.get $cp)))
          (local.set $acc3 (v128.load offset=48 (local.get $cp)))
          (local.set $ap (i32.add (local.get $a) (i32.add (i32.mul (local.get $m0) (local.get $kb4)) (i32.shl (local.get $kk) (i32.const 2)))))
          (local.set $bp (i32.add (local.get $b) (i32.add (i32.mul (local.get $m0) (local.get $nb4)) (local.get $col))))
          (local.set $mm (local.get $m0))
          (block $r16Done (loop $r16Loop
            (br_if $r16Done (i32.ge_u (local.get $mm) (local.get $mEnd)))
            (local.set $s (f32x4.splat (f32.load (local.get $ap))))
            (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (local.get $s) (v128.load offset=0 (local.get $bp)))))
            (local.set $acc1 (f32x4.add (local.get $acc1) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $bp)))))
            (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $s) (v128.load offset=32 (local.get $bp)))))
            (local.set $acc3 (f32x4.add (local.get $acc3) (f32x4.mul (local.get $s) (v128.load offset=48 (local.get $bp)))))
            (local.set $ap (i32.add (local.get $ap) (local.get $kb4)))
            (local.set $bp (i32.add (local.get $bp) (local.get $nb4)))
            (local.set $mm (i32.add (local.get $mm) (i32.const 1)))
            (br $r16Loop)))
          (v128.store offset=0 (local.get $cp) (local.get $acc0))
          (v128.store offset=16 (local.get $cp) (local.get $acc1))
          (v128.store offset=32 (local.get $cp) (local.get $acc2))
          (v128.store offset=48 (local.get $cp) (local.get $acc3))
          (local.set $col (i32.add (local.get $col) (i32.const 64)))
          (br $c16Loop)))
        ;; then 4 at a time
        (block $c4Done (loop $c4Loop
          (br_if $c4Done (i32.ge_u (local.get $col) (local.get $nb4)))
          (local.set $cp (i32.add (local.get $c) (i32.add (i32.mul (local.get $kk) (local.get $nb4)) (local.get $col))))
          (local.set $acc0 (v128.load (local.get $cp)))
          (local.set $ap (i32.add (local.get $a) (i32.add (i32.mul (local.get $m0) (local.get $kb4)) (i32.shl (local.get $kk) (i32.const 2)))))
          (local.set $bp (i32.add (local.get $b) (i32.add (i32.mul (local.get $m0) (local.get $nb4)) (local.get $col))))
          (local.set $mm (local.get $m0))
          (block $r4Done (loop $r4Loop
            (br_if $r4Done (i32.ge_u (local.get $mm) (local.get $mEnd)))
            (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (f32x4.splat (f32.load (local.get $ap))) (v128.load (local.get $bp)))))
            (local.set $ap (i32.add (local.get $ap) (local.get $kb4)))
            (local.set $bp (i32.add (local.get $bp) (local.get $nb4)))
            (local.set $mm (i32.add (local.get $mm) (i32.const 1)))
            (br $r4Loop)))
          (v128.store (local.get $cp) (local.get $acc0))
          (local.set $col (i32.add (local.get $col) (i32.const 16)))
          (br $c4Loop)))
        (local.set $kk (i32.add (local.get $kk) (i32.const 1)))
        (br $kLoop)))
      (local.set $m0 (local.get $mEnd))
      (br $mLoop)))))
