// Hotline's file formats, one library (hotline::trace): everything that
// writes, journals or reads a trace file, and nothing else.
//
// A run's results are rows (rows.hpp) that a run fills as it steps
// (run_record.hpp); the writer (writer.hpp) puts them, with the scenario and
// its world, into an HDF5 file through a thin table layer (hdf5_table.hpp),
// on a writer thread (background_writer.hpp); a sweep makes each finished
// run durable in a journal first (record_journal.hpp); the identity
// (identity.hpp) says which files and journals belong together; the reader
// (reader.hpp) checks and reads a finished file. Every dataset, column and
// unit is in docs/trace-format.md: a column change touches this folder and
// that page. Statistics and reports over the rows are analysis/'s.
#pragma once

#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/hdf5_table.hpp"
#include "hotline/trace/identity.hpp"
#include "hotline/trace/reader.hpp"
#include "hotline/trace/record_journal.hpp"
#include "hotline/trace/rows.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"
