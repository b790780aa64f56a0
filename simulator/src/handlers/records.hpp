// SPDX-License-Identifier: MIT
// leadfeeder-simulator: what the company and contact operations mirror, written once: get one
// record, retrieve several by id, add a record to lists or remove it, and the jobs that work on a
// set of records. A record_kind says which side a call is on.
#pragma once

#include "request.hpp"
#include "state.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lfsim {

struct world;

enum class record_kind { company, contact };

/// "company" / "contact": the list scope and JSON:API type of the records.
char const* scope_of(record_kind k) noexcept;
/// The records' ids (current and previous) to their index in the data set.
std::unordered_map<std::string, std::size_t> const& records_by_id(world const& w, record_kind k);
/// The records of kind k the account has unlocked (read once, and so no longer charged).
std::unordered_set<std::size_t>& unlocked_records(account_state& a, record_kind k);

/// companies.get / contacts.get: one record, 1 credit unless unlocked.
reply get_record(world& w, request_ctx& c, record_kind k);
/// companies.retrieve / contacts.retrieve: up to 100 records by id; unknown ids are left out.
reply retrieve_records(world& w, request_ctx& c, record_kind k);
/// *.add_to_lists / *.remove_from_lists: answers the lists of the record afterwards.
reply change_record_lists(world& w, request_ctx& c, record_kind k, bool add);

/// The jobs (companies.*_enrichment_job, contacts.*_contact_data_job): a free estimate; creation
/// charges 1 credit per record not unlocked yet; the job then runs for real time, queued for
/// 100 ms, then 40 ms a record until finished.
reply estimate_job(world& w, request_ctx& c, record_kind k);
reply create_job(world& w, request_ctx& c, record_kind k);
reply get_job(world& w, request_ctx& c, record_kind k);

}  // namespace lfsim
