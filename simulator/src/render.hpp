// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the JSON:API resources it answers with ({type, id, attributes,
// relationships}), rendered from the data set and the account's state. `inc` is the set of
// include values asked for; a relationship not side-loaded is a stub {id, type}.
#pragma once

#include "dataset.hpp"
#include "state.hpp"
#include "world.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace lfsim {

using include_set = std::set<std::string>;

json::object location_attributes(std::size_t city);
/// A company with its attributes and no relationships (what side-loading answers).
json::object company_core(world const& w, std::size_t idx);
json::object render_company(world const& w, std::size_t idx, account_state const& a, include_set const& inc);
json::object render_company_summary(world const& w, std::size_t idx);
json::object render_contact(world const& w, std::size_t idx, account_state const& a, include_set const& inc);
json::object render_contact_summary(world const& w, std::size_t idx);
/// The account's values of its custom fields for one contact (deterministic per field and contact).
json::object custom_field_values(world const& w, account_state const& a, std::size_t contact);
/// The lists of `scope` that hold record idx; the tags assigned to a company.
json::array lists_of(account_state const& a, std::string_view scope, std::size_t idx);
json::array tags_of(account_state const& a, std::size_t company);

json::object render_list(list_rec const& l);
json::object render_tag(tag_rec const& t);
json::object render_persona(persona_rec const& p);
json::object render_icp(icp_rec const& i);
json::object render_user(user_rec const& u);
json::object render_field(field_rec const& f);
json::object render_visit(world const& w, visit_rec const& v, bool include_company);
json::object render_feed(feed_rec const& f, account_state const& a, include_set const& inc);
json::object render_folder(folder_rec const& f, account_state const& a, include_set const& inc);
json::object render_job(job_rec const& j);
json::object render_campaign(world const& w, campaign_rec const& k, account_state const& a, include_set const& inc);

}  // namespace lfsim
