//! SSL certificate jobs: list (400115, history 400135), info (400114, history 400134),
//! cancel (400113) and resend the approver e-mail (400118).

mod cancel;
mod info;
mod list;
mod resend_approver_email;

pub use cancel::CertificateJobCancel;
pub use info::{CertificateJobHistoryInfo, CertificateJobInfo, CertificateJobInfoData};
pub use list::{CertificateJobHistoryList, CertificateJobList, CertificateJobListData};
pub use resend_approver_email::ResendApproverEmail;

use crate::RawElement;
use crate::codec::Cdata;
use crate::codec::macros::{open_enum, xml_struct};
use crate::job::Job;
use chrono::NaiveDateTime;

open_enum! {
    /// A certificate product.
    pub enum Product {
        /// `RAPID_SSL`
        RapidSsl = "RAPID_SSL",
        /// `RAPID_SSL_WILDCARD`
        RapidSslWildcard = "RAPID_SSL_WILDCARD",
        /// `SSL123`
        Ssl123 = "SSL123",
        /// `SSL_WEBSERVER`
        SslWebserver = "SSL_WEBSERVER",
        /// `SECURE_SITE`
        SecureSite = "SECURE_SITE",
        /// `BASIC_SSL`
        BasicSsl = "BASIC_SSL",
        /// `BASIC_SSL_WILDCARD`
        BasicSslWildcard = "BASIC_SSL_WILDCARD",
    }
}

open_enum! {
    /// The server software the certificate is for.
    pub enum Software {
        /// `APACHE2`
        Apache2 = "APACHE2",
        /// `APACHESSL`
        ApacheSsl = "APACHESSL",
        /// `NGINX`
        Nginx = "NGINX",
        /// `MICROSOFT_IIS`
        MicrosoftIis = "MICROSOFT_IIS",
        /// `OTHER`
        OtherSoftware = "OTHER",
    }
}

open_enum! {
    /// The signature hash algorithm (`sha`).
    pub enum SignatureHash {
        /// `SHA2_FULL_CHAIN`
        Sha2FullChain = "SHA2_FULL_CHAIN",
        /// `SHA2_SHA1_ROOT`
        Sha2Sha1Root = "SHA2_SHA1_ROOT",
        /// `SHA1`
        Sha1 = "SHA1",
    }
}

open_enum! {
    /// Whether the certificate is logged publicly (certificate transparency).
    pub enum TransparencyPrivacy {
        /// `PUBLIC`
        Public = "PUBLIC",
        /// `PRIVATE`
        Private = "PRIVATE",
    }
}

open_enum! {
    /// How domain control is validated.
    pub enum AuthenticationMethod {
        /// `EMAIL`
        Email = "EMAIL",
        /// `DNS`
        Dns = "DNS",
        /// `FILE`
        File = "FILE",
    }
}

xml_struct! {
    /// A certificate contact (admin or technical). Unlike a domain handle, the person is
    /// `first` / `last` / `postal_code`.
    #[derive(Default)]
    pub struct CertificateContact {
        /// First name.
        first: Option<String> = opt "first",
        /// Last name.
        last: Option<String> = opt "last",
        /// Phone.
        phone: Option<String> = opt "phone",
        /// Fax.
        fax: Option<String> = opt "fax",
        /// E-mail.
        email: Option<String> = opt "email",
        /// Title.
        title: Option<String> = opt "title",
        /// Organization.
        organization: Option<String> = opt "organization",
        /// Address lines.
        address: Vec<String> = many "address",
        /// Postal code.
        postal_code: Option<String> = opt "postal_code",
        /// City.
        city: Option<String> = opt "city",
        /// Country code.
        country: Option<String> = opt "country",
        /// State or region.
        state: Option<String> = opt "state",
        /// The contact's id.
        id: Option<u64> = opt "id",
    }
}

xml_struct! {
    /// Domain-control validation: the method and the approver addresses.
    #[derive(Default)]
    pub struct Authentication {
        /// The method.
        method: Option<AuthenticationMethod> = opt "method",
        /// Approver e-mail addresses.
        approver_email: Vec<String> = many "approver_email",
    }
}

xml_struct! {
    /// A certificate order, as 400114 / 400134 show it.
    #[derive(Default)]
    pub struct Certificate {
        /// The reseller's order id at the CA.
        partner_order_id: Option<String> = opt "partner_order_id",
        /// The CA's order id.
        order_id: Option<String> = opt "order_id",
        /// The administrative contact.
        admin: Option<CertificateContact> = opt "admin",
        /// The technical contact.
        technical: Option<CertificateContact> = opt "technical",
        /// The certificate's name (its common name).
        name: Option<String> = opt "name",
        /// The approver e-mail address.
        approver_email: Option<String> = opt "approver_email",
        /// The lifetime in months.
        lifetime: Option<u32> = opt "lifetime",
        /// The server software.
        software: Option<Software> = opt "software",
        /// The certificate signing request (PEM; sent in CDATA).
        csr: Option<String> = opt "csr" via Cdata,
        /// The product.
        product: Option<Product> = opt "product",
        /// The signature hash algorithm.
        sha: Option<SignatureHash> = opt "sha",
        /// When the certificate expires.
        expire: Option<NaiveDateTime> = opt "expire",
        /// Product extensions, kept as they came (often `<extension/>`).
        extension: Option<RawElement> = opt "extension",
        /// Domain-control validation.
        authentication: Option<Authentication> = opt "authentication",
        /// Certificate transparency.
        certificate_transparency_privacy: Option<TransparencyPrivacy> = opt "certificate_transparency_privacy",
        /// When the order was created.
        created: Option<NaiveDateTime> = opt "created",
        /// When the order was last updated.
        updated: Option<NaiveDateTime> = opt "updated",
    }
}

/// `Box<Certificate>`, named so that `xml_struct!` reads it as one type.
type BoxedCertificate = Box<Certificate>;

xml_struct! {
    /// `certificate_job`: a certificate order and its job. A list entry (400115) carries
    /// only the job.
    #[derive(Default)]
    pub struct CertificateJob {
        /// The certificate order (info tasks). Boxed: a list entry carries only the job,
        /// and an absent certificate then costs one pointer instead of a kilobyte.
        certificate: Option<BoxedCertificate> = opt "certificate",
        /// The job.
        job: Option<Job> = opt "job",
    }
}

/// Declares a certificate task whose body names a job:
/// `<certificate_job><job><id>12345</id></job></certificate_job>`.
macro_rules! job_ref_task {
    ($(#[$meta:meta])* $name:ident = $code:literal, $data:ty) => {
        $crate::codec::macros::xml_struct! {
            $(#[$meta])*
            #[derive(Default)]
            pub struct $name {
                /// The job.
                job: JobRef = req "job",
            }
        }

        impl $name {
            /// The task for job `id`.
            pub fn new(id: u64) -> Self {
                $name {
                    job: $crate::job::JobRef {
                        id,
                        unknown: Default::default(),
                    },
                    unknown: Default::default(),
                }
            }

            /// The job id.
            pub fn id(&self) -> u64 {
                self.job.id
            }
        }

        $crate::task::task!($name = $code, body "certificate_job", data $data);
    };
}
pub(crate) use job_ref_task;
